import type { Page, TPageInput } from '../../shared/contracts/common';
import type { Store } from './store';

// What a use case needs from the platform: time, push, files, QR codes, content checks, the runtime.

/** Milliseconds since the epoch; injected so tests can move time. */
export interface Clock {
  now(): number;
}

export interface OutboxRecord {
  id: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  requestId: string | null;
  createdAt: number;
  readAt: number | null;
  deliveredAt: number | null;
  channel: string | null;
}

export interface OutboxRepo {
  enqueue(message: OutboxRecord): Promise<void>;
  listForUser(userId: string, page: TPageInput): Promise<Page<OutboxRecord>>;
  countUnread(userId: string): Promise<number>;
  markRead(userId: string, ids: readonly string[], at: number): Promise<number>;
  /**
   * Undelivered messages, oldest first. With `dueAt`, only those due then: never tried, or deferred
   * (`deferDelivery`) to no later than `dueAt`, ordered by when they became due.
   */
  listUndelivered(limit: number, dueAt?: number): Promise<OutboxRecord[]>;
  markDelivered(id: string, channel: string, at: number): Promise<void>;
  /** A push failed: the message stays undelivered and is not due again before `retryAt`. */
  deferDelivery(id: string, retryAt: number): Promise<void>;
  /** Removes every message to a user (their account is being deleted). */
  removeForUser(userId: string): Promise<void>;
}

/**
 * One-time subscribe-message authorisations (一次性订阅) a user granted by tapping 允许, per template
 * key: each allows exactly one message.
 */
export interface SubscriptionRepo {
  /** Adds one authorisation for each template key the user accepted in one prompt. */
  grant(userId: string, templateKeys: readonly string[], at: number): Promise<void>;
  /** Uses one authorisation; false, and nothing changed, when none is left. */
  consume(userId: string, templateKey: string): Promise<boolean>;
  /** WeChat answered 43101 (none left on its side): forget what we counted. */
  reset(userId: string, templateKey: string): Promise<void>;
  count(userId: string, templateKey: string): Promise<number>;
  /** Forgets every authorisation of a user. */
  clear(userId: string): Promise<void>;
}

export interface Notifier {
  /**
   * Pushes one outbox message; returns the channel it went out on. Throws when it could not: a
   * passing failure as any error, a set-up problem as an error carrying `pushSetup` (see below).
   */
  deliver(message: OutboxRecord): Promise<string>;
}

/**
 * Why no push can go out until someone fixes the set-up: the function lacks the cloud-call
 * permission (-604101), or the mini-program or template configuration is wrong (48001, a bad
 * template id). A notifier throws an error with this as its `pushSetup`; the scheduler then tells
 * the community's admins and backs off instead of retrying every minute.
 */
export interface PushSetupProblem {
  kind: 'permission' | 'configuration';
  /** WeChat's error code, when it gave one. */
  code: number | null;
  /** What to do, in Chinese, for the admins' inbox. */
  hint: string;
}

/** Where a QR code for a scene can be fetched, and the page it opens. */
export interface QrCodes {
  imageUrl(scene: string): Promise<string>;
  pageUrl(scene: string): string;
}

export interface Files {
  exists(fileId: string): Promise<boolean>;
  urlFor(fileId: string): string;
  /** Stores a generated export and returns where to fetch it: a temporary link locally, the cloud fileID in production. */
  saveExport(fileName: string, bytes: Uint8Array): Promise<{ url: string; expiresAt: number }>;
  /** Deletes uploaded photos; ids that are not photos, or already gone, are skipped. */
  remove(fileIds: readonly string[]): Promise<void>;
}

/** msgSecCheck v2's verdicts: pass; review = a person must look first (held for an admin); risky = refused. */
export type ContentVerdict = 'pass' | 'review' | 'risky';

/** msgSecCheck v2 scenes: 1 资料 (profile), 2 评论 (comment), 3 论坛 (forum), 4 社交日志 (social). */
export type ContentScene = 'profile' | 'comment' | 'forum' | 'social';

export interface ContentCheck {
  /** Checks user text before it is stored or shown to others. */
  check(text: string, openid: string, scene: ContentScene): Promise<ContentVerdict>;
}

export interface Runtime {
  store: Store;
  contentCheck: ContentCheck;
  clock: Clock;
  notifier: Notifier;
  files: Files;
  qrCodes: QrCodes;
  /** Secret for redemption and pickup codes (HMAC); from the environment in production. */
  signingKey: string;
  /** The caller's OPENID, from the platform context; never from the event payload. */
  identify(event: unknown, context: unknown): Promise<string | null>;
  /** True when the event came from the scheduler's timer trigger. */
  isTimerEvent(event: unknown, context: unknown): boolean;
  log(level: 'info' | 'warn' | 'error', message: string, detail?: unknown): void;
}
