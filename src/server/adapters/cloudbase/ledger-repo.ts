import { EARNING_KINDS } from '../../../shared/domain/posting-kinds';
import type { AccountAudit, AccountKind, AccountRecord, HoldRecord, HoldStatus, LedgerRepo, PostingRecord } from '../../ports';
import type { Doc, DocDb, Where } from './doc-db';
import type { StoreSession } from './session-cache';
import { toDoc, orNull } from './doc-db';
import { findPage } from './paging';
import { binaryCompare } from './binary-compare';

/*
 * Collections written here:
 *   accounts          `_id` = account id: the AccountRecord. `moveAccount` is the guarded counter:
 *                     get, check the limits, update, in the caller's transaction (two writers of one
 *                     account conflict and the loser re-runs with the new balance).
 *   postings          `_id` = posting id: the PostingRecord (append-only: never updated or removed),
 *                     plus `accountIds: [debitAccountId, creditAccountId]` so an account's statement
 *                     is one keyset query on an array field (SQLite merges two index scans).
 *                     The reports repository reads these documents too (PostingRecord fields).
 *   postings_by_key   `_id` = idempotency key → `{ postingId }`: SQLite's UNIQUE idempotency_key.
 *                     `insertPosting` refuses a second posting with the key, and `findPostingByKey`
 *                     reads it by id, so a retry inside its own transaction sees the first posting.
 *   holds             `_id` = hold id: the HoldRecord. `settleHold` is compare-and-set from pending.
 *   holds_by_key      `_id` = idempotency key → `{ holdId }`, as postings_by_key.
 *
 * The aggregates SQLite computes in SQL (sumCredited, sumByKind, leaderboard, auditAccounts) read
 * the postings with only the fields they need, by keyset on (createdAt, id), SCAN_BATCH per query,
 * and sum in memory; each has an explicit cap below. Queries read committed data: inside a
 * transaction they do not see its own pending postings (the use cases call them before writing).
 */

export const ACCOUNTS = 'accounts';
export const POSTINGS = 'postings';
export const POSTINGS_BY_KEY = 'postings_by_key';
export const HOLDS = 'holds';
export const HOLDS_BY_KEY = 'holds_by_key';

/** Rows per keyset query (the adapter pages these by the platform's per-call cap). */
const SCAN_BATCH = 1000;
/**
 * Postings one `sumByKind` / `leaderboard` / `sumCredited` call reads at most, newest first. Past it
 * the oldest postings of the period are left out of the figures (a community of 1,000 members
 * earning twice a week writes ~100,000 postings a year).
 */
export const SUM_POSTING_CAP = 200_000;
/**
 * Postings one `auditAccounts` call replays at most. A replay that cannot read every posting would
 * report balances as wrong that are right, so past the cap it throws instead of answering.
 */
export const AUDIT_POSTING_CAP = 200_000;
/** Accounts (and pending holds) one `auditAccounts` or `sumAccounts` call reads at most; past it, it throws. */
export const AUDIT_ACCOUNT_CAP = 50_000;

export function toAccount(doc: Doc): AccountRecord {
  return {
    id: String(doc.id),
    communityId: String(doc.communityId),
    kind: doc.kind as AccountKind,
    ownerId: String(doc.ownerId),
    balance: Number(doc.balance),
    held: Number(doc.held),
    allowNegative: doc.allowNegative === true,
  };
}

export function toPosting(doc: Doc): PostingRecord {
  return {
    id: String(doc.id),
    idempotencyKey: String(doc.idempotencyKey),
    communityId: String(doc.communityId),
    debitAccountId: String(doc.debitAccountId),
    creditAccountId: String(doc.creditAccountId),
    amount: Number(doc.amount),
    kind: String(doc.kind),
    ref: orNull<string>(doc.ref),
    memo: String(doc.memo),
    payloadHash: String(doc.payloadHash),
    actorId: orNull<string>(doc.actorId),
    createdAt: Number(doc.createdAt),
  };
}

function toHold(doc: Doc): HoldRecord {
  return {
    id: String(doc.id),
    idempotencyKey: String(doc.idempotencyKey),
    communityId: String(doc.communityId),
    accountId: String(doc.accountId),
    amount: Number(doc.amount),
    status: doc.status as HoldStatus,
    ref: orNull<string>(doc.ref),
    expiresAt: Number(doc.expiresAt),
    createdAt: Number(doc.createdAt),
    settledAt: orNull<number>(doc.settledAt),
  };
}

function postingDoc(posting: PostingRecord): Doc {
  return { ...toDoc(posting.id, posting), accountIds: [posting.debitAccountId, posting.creditAccountId] };
}

interface Scan {
  docs: Doc[];
  /** More rows matched than the cap let through. */
  truncated: boolean;
}

/**
 * Postings matching `where` created at or after `since`, newest first on (createdAt, id), with only
 * `fields`, at most `cap` of them. The database has no row comparison, so each page after the first
 * is read as the rest of the last row's millisecond, then everything older.
 */
async function scanPostings(db: DocDb, where: Where, since: number, fields: readonly string[], cap: number): Promise<Scan> {
  const order = [
    { field: 'createdAt', direction: 'desc' as const },
    { field: 'id', direction: 'desc' as const },
  ];
  const wanted = [...new Set([...fields, 'createdAt', 'id'])];
  const docs: Doc[] = [];
  let last: { at: number; id: string } | null = null;
  // One more than the cap, to learn whether the cap cut anything off.
  while (docs.length <= cap) {
    const want = Math.min(SCAN_BATCH, cap + 1 - docs.length);
    let batch: Doc[];
    if (!last) {
      batch = await db.find(POSTINGS, { ...where, createdAt: { gte: since } }, { orderBy: order, limit: want, fields: wanted });
    } else {
      batch = await db.find(POSTINGS, { ...where, createdAt: last.at, id: { lt: last.id } }, { orderBy: [order[1]], limit: want, fields: wanted });
      if (batch.length < want && last.at > since) {
        batch.push(...(await db.find(POSTINGS, { ...where, createdAt: { gte: since, lt: last.at } }, { orderBy: order, limit: want - batch.length, fields: wanted })));
      }
    }
    docs.push(...batch);
    if (batch.length < want) break;
    const tail = batch[batch.length - 1];
    last = { at: Number(tail.createdAt), id: String(tail.id) };
  }
  return { docs: docs.slice(0, cap), truncated: docs.length > cap };
}

/** Every document matching `where`, by keyset on `id` ascending, with only `fields`; throws past `cap`. */
async function scanById(db: DocDb, collection: string, where: Where, fields: readonly string[], cap: number, what: string): Promise<Doc[]> {
  const wanted = [...new Set([...fields, 'id'])];
  const docs: Doc[] = [];
  let last: string | null = null;
  for (;;) {
    const batch = await db.find(collection, last === null ? where : { ...where, id: { gt: last } }, { orderBy: [{ field: 'id', direction: 'asc' }], limit: SCAN_BATCH, fields: wanted });
    docs.push(...batch);
    if (docs.length > cap) throw new Error(`ledger: more than ${cap} ${what} to read in one call`);
    if (batch.length < SCAN_BATCH) return docs;
    last = String(batch[batch.length - 1].id);
  }
}

export function createLedgerRepo(db: DocDb, session: StoreSession): LedgerRepo {
  const byKey = async <T>(keys: string, collection: string, link: string, key: string, convert: (doc: Doc) => T): Promise<T | null> => {
    const found = await session.get(keys, key);
    if (!found) return null;
    const doc = await session.get(collection, String(found[link]));
    return doc ? convert(doc) : null;
  };

  return {
    async getAccount(id) {
      const doc = await session.get(ACCOUNTS, id);
      return doc ? toAccount(doc) : null;
    },

    async createAccount(account) {
      await session.create(ACCOUNTS, toDoc(account.id, account), `UNIQUE constraint failed: accounts.id (${account.id})`);
    },

    async moveAccount(id, balanceDelta, heldDelta) {
      const doc = await session.get(ACCOUNTS, id);
      if (!doc) return false;
      const account = toAccount(doc);
      const balance = account.balance + balanceDelta;
      const held = account.held + heldDelta;
      // The same rule as SQLite's guarded UPDATE: held never negative; unless the account may go
      // negative, balance never below held. Checked on the value this transaction read, so a
      // concurrent writer of the account makes one of the two re-run.
      if (held < 0) return false;
      if (!account.allowNegative && balance - held < 0) return false;
      await session.update(ACCOUNTS, id, { balance, held });
      return true;
    },

    findPostingByKey: (key) => byKey(POSTINGS_BY_KEY, POSTINGS, 'postingId', key, toPosting),

    async insertPosting(posting) {
      await session.create(POSTINGS_BY_KEY, { _id: posting.idempotencyKey, postingId: posting.id }, 'UNIQUE constraint failed: postings.idempotency_key');
      await session.create(POSTINGS, postingDoc(posting), `UNIQUE constraint failed: postings.id (${posting.id})`);
    },

    async listPostings(accountId, page) {
      const found = await findPage(db, POSTINGS, { accountIds: accountId }, page);
      return { items: found.items.map(toPosting), nextCursor: found.nextCursor };
    },

    async listPostingsOfKinds(communityId, kinds, page) {
      if (kinds.length === 0) return { items: [], nextCursor: null };
      const found = await findPage(db, POSTINGS, { communityId, kind: { in: [...kinds] } }, page);
      return { items: found.items.map(toPosting), nextCursor: found.nextCursor };
    },

    async sumCredited(accountId, kinds, since) {
      if (kinds.length === 0) return 0;
      // One account's credits of a few kinds since a day's start: a handful of rows (capped all the same).
      const { docs } = await scanPostings(db, { creditAccountId: accountId, kind: { in: [...kinds] } }, since, ['amount'], SUM_POSTING_CAP);
      return docs.reduce((sum, doc) => sum + Number(doc.amount), 0);
    },

    async insertHold(hold) {
      await session.create(HOLDS_BY_KEY, { _id: hold.idempotencyKey, holdId: hold.id }, 'UNIQUE constraint failed: holds.idempotency_key');
      await session.create(HOLDS, toDoc(hold.id, hold), `UNIQUE constraint failed: holds.id (${hold.id})`);
    },

    async getHold(id) {
      const doc = await session.get(HOLDS, id);
      return doc ? toHold(doc) : null;
    },

    findHoldByKey: (key) => byKey(HOLDS_BY_KEY, HOLDS, 'holdId', key, toHold),

    async settleHold(id, to, at) {
      const doc = await session.get(HOLDS, id);
      if (!doc || doc.status !== 'pending') return false;
      await session.update(HOLDS, id, { status: to, settledAt: at });
      return true;
    },

    async listHoldsDue(now, limit) {
      const docs = await db.find(HOLDS, { status: 'pending', expiresAt: { lte: now } }, {
        orderBy: [
          { field: 'expiresAt', direction: 'asc' },
          { field: 'id', direction: 'asc' },
        ],
        limit,
      });
      return docs.map(toHold);
    },

    async auditAccounts(communityId) {
      const scope: Where = { communityId: communityId ?? undefined };
      const accounts = (await scanById(db, ACCOUNTS, scope, ['communityId', 'kind', 'ownerId', 'balance', 'held', 'allowNegative'], AUDIT_ACCOUNT_CAP, 'accounts')).map(toAccount);
      const replayed = new Map<string, number>();
      const add = (map: Map<string, number>, id: string, amount: number) => map.set(id, (map.get(id) ?? 0) + amount);
      const postings = await scanPostings(db, scope, 0, ['debitAccountId', 'creditAccountId', 'amount'], AUDIT_POSTING_CAP);
      if (postings.truncated) throw new Error(`auditAccounts: more than ${AUDIT_POSTING_CAP} postings to replay in one call`);
      for (const doc of postings.docs) {
        add(replayed, String(doc.creditAccountId), Number(doc.amount));
        add(replayed, String(doc.debitAccountId), -Number(doc.amount));
      }
      const pending = new Map<string, number>();
      for (const doc of await scanById(db, HOLDS, { ...scope, status: 'pending' }, ['accountId', 'amount'], AUDIT_ACCOUNT_CAP, 'pending holds')) {
        add(pending, String(doc.accountId), Number(doc.amount));
      }
      accounts.sort((a, b) => binaryCompare(a.communityId, b.communityId) || binaryCompare(a.id, b.id));
      return accounts.map((account): AccountAudit => ({ account, replayedBalance: replayed.get(account.id) ?? 0, pendingHolds: pending.get(account.id) ?? 0 }));
    },

    async sumAccounts(communityId, kind) {
      const docs = await scanById(db, ACCOUNTS, { communityId, kind }, ['balance', 'held'], AUDIT_ACCOUNT_CAP, 'accounts');
      return docs.reduce((sums, doc) => ({ balance: sums.balance + Number(doc.balance), held: sums.held + Number(doc.held) }), { balance: 0, held: 0 });
    },

    countPostings(communityId) {
      return db.count(POSTINGS, { communityId: communityId ?? undefined });
    },

    async sumByKind(communityId, since) {
      const { docs } = await scanPostings(db, { communityId }, since, ['kind', 'amount'], SUM_POSTING_CAP);
      const sums: Record<string, number> = {};
      for (const doc of docs) sums[String(doc.kind)] = (sums[String(doc.kind)] ?? 0) + Number(doc.amount);
      return sums;
    },

    async leaderboard(communityId, since, limit) {
      const { docs } = await scanPostings(db, { communityId, kind: { in: [...EARNING_KINDS] } }, since, ['creditAccountId', 'amount'], SUM_POSTING_CAP);
      const byAccount = new Map<string, number>();
      for (const doc of docs) byAccount.set(String(doc.creditAccountId), (byAccount.get(String(doc.creditAccountId)) ?? 0) + Number(doc.amount));
      // SQLite joins accounts: only member accounts count, grouped by their owner.
      const earned = new Map<string, number>();
      const ids = [...byAccount.keys()];
      for (let start = 0; start < ids.length; start += 100) {
        const chunk = ids.slice(start, start + 100);
        for (const doc of await db.find(ACCOUNTS, { _id: { in: chunk } }, { limit: chunk.length, fields: ['kind', 'ownerId'] })) {
          if (doc.kind !== 'member') continue;
          earned.set(String(doc.ownerId), (earned.get(String(doc.ownerId)) ?? 0) + (byAccount.get(doc._id) ?? 0));
        }
      }
      return [...earned]
        .map(([memberId, total]) => ({ memberId, earned: total }))
        .sort((a, b) => b.earned - a.earned || binaryCompare(a.memberId, b.memberId))
        .slice(0, Math.max(0, limit));
    },
  };
}
