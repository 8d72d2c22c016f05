import type { Page, TPageInput } from '../../shared/contracts/common';
import type { ShopKind } from '../../shared/domain/community-settings';
import type { CatalogItemKind, RedemptionStatus } from '../../shared/domain/supermarket';
import type { UserRecord } from './community';

// The points ledger (accounts, postings, holds) and the points supermarket (shops, catalogue, redemptions).

export interface ShopRecord {
  id: string;
  communityId: string;
  name: string;
  kind: ShopKind;
  description: string;
  inviteCode: string;
  createdAt: number;
}

export type AccountKind = 'issuance' | 'member' | 'shop';

export interface AccountRecord {
  id: string;
  communityId: string;
  kind: AccountKind;
  ownerId: string;
  balance: number;
  held: number;
  allowNegative: boolean;
}

export interface PostingRecord {
  id: string;
  idempotencyKey: string;
  communityId: string;
  debitAccountId: string;
  creditAccountId: string;
  amount: number;
  kind: string;
  ref: string | null;
  memo: string;
  payloadHash: string;
  /** Who caused it when it was a person's decision (admin adjustments, refunds). */
  actorId: string | null;
  createdAt: number;
}

export type HoldStatus = 'pending' | 'confirmed' | 'voided';

/** Points set aside from a member's balance until an order is picked up (confirm) or dropped (void). */
export interface HoldRecord {
  id: string;
  idempotencyKey: string;
  communityId: string;
  accountId: string;
  amount: number;
  status: HoldStatus;
  ref: string | null;
  expiresAt: number;
  createdAt: number;
  settledAt: number | null;
}

/** One account as stored next to what its postings and pending holds say it should be. */
export interface AccountAudit {
  account: AccountRecord;
  replayedBalance: number;
  pendingHolds: number;
}

export interface CatalogItemRecord {
  id: string;
  shopId: string;
  communityId: string;
  name: string;
  kind: CatalogItemKind;
  description: string;
  price: number;
  stock: number | null;
  monthlyLimit: number | null;
  photos: string[];
  onShelf: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface RedemptionLine {
  itemId: string;
  name: string;
  price: number;
  qty: number;
}

export interface RedemptionRecord {
  id: string;
  idempotencyKey: string;
  payloadHash: string;
  communityId: string;
  shopId: string;
  memberId: string;
  /** The staff member who scanned the code (in store) or the pickup code (orders). */
  staffId: string | null;
  channel: 'in_store' | 'order';
  status: RedemptionStatus;
  lines: RedemptionLine[];
  total: number;
  holdId: string | null;
  postingId: string | null;
  refundPostingId: string | null;
  refundReason: string | null;
  createdAt: number;
  settledAt: number | null;
  expiresAt: number | null;
  updatedAt: number;
}

export interface ShopRepo {
  get(id: string): Promise<ShopRecord | null>;
  getByInviteCode(code: string): Promise<ShopRecord | null>;
  listByCommunity(communityId: string): Promise<ShopRecord[]>;
  insert(shop: ShopRecord): Promise<void>;
  addStaff(shopId: string, userId: string, at: number): Promise<void>;
  /** Takes the person off every shop's staff. */
  removeStaff(userId: string): Promise<void>;
  listStaff(shopId: string): Promise<UserRecord[]>;
  /** Shops a user works at. */
  listShopsOfStaff(userId: string): Promise<ShopRecord[]>;
}

export interface LedgerRepo {
  getAccount(id: string): Promise<AccountRecord | null>;
  createAccount(account: AccountRecord): Promise<void>;
  /**
   * Adds the deltas only while the account stays within its limits (held never negative; unless the
   * account may go negative, balance never below held). False, and nothing changed, otherwise.
   */
  moveAccount(id: string, balanceDelta: number, heldDelta: number): Promise<boolean>;
  findPostingByKey(idempotencyKey: string): Promise<PostingRecord | null>;
  insertPosting(posting: PostingRecord): Promise<void>;
  listPostings(accountId: string, page: TPageInput): Promise<Page<PostingRecord>>;
  /** Postings of some kinds in a community, newest first (the adjustment audit trail). */
  listPostingsOfKinds(communityId: string, kinds: readonly string[], page: TPageInput): Promise<Page<PostingRecord>>;
  /** Points credited to an account since a moment by postings of these kinds (daily caps). */
  sumCredited(accountId: string, kinds: readonly string[], since: number): Promise<number>;
  insertHold(hold: HoldRecord): Promise<void>;
  getHold(id: string): Promise<HoldRecord | null>;
  findHoldByKey(idempotencyKey: string): Promise<HoldRecord | null>;
  /** Compare-and-set from pending: true exactly once per hold. */
  settleHold(id: string, to: Exclude<HoldStatus, 'pending'>, at: number): Promise<boolean>;
  listHoldsDue(now: number, limit: number): Promise<HoldRecord[]>;
  /** Every account (of one community, or all) with its replayed balance and pending holds. */
  auditAccounts(communityId: string | null): Promise<AccountAudit[]>;
  /** Stored balances and holds of a community's accounts of one kind, added up (no replay). */
  sumAccounts(communityId: string, kind: AccountKind): Promise<{ balance: number; held: number }>;
  countPostings(communityId: string | null): Promise<number>;
  /** Sums of postings since a moment, by kind, in one community. */
  sumByKind(communityId: string, since: number): Promise<Record<string, number>>;
  /** Members by points earned (task, rating, duty, activity, positive adjustments) since a moment. */
  leaderboard(communityId: string, since: number, limit: number): Promise<{ memberId: string; earned: number }[]>;
}

export interface CatalogRepo {
  get(id: string): Promise<CatalogItemRecord | null>;
  listByShop(shopId: string, onShelfOnly: boolean): Promise<CatalogItemRecord[]>;
  listOnShelfInCommunity(communityId: string): Promise<CatalogItemRecord[]>;
  save(item: CatalogItemRecord): Promise<void>;
  /** Takes stock only if enough is left (items without stock always succeed); false otherwise. */
  takeStock(itemId: string, qty: number): Promise<boolean>;
  returnStock(itemId: string, qty: number): Promise<void>;
}

export interface RedemptionRepo {
  insert(redemption: RedemptionRecord): Promise<void>;
  get(id: string): Promise<RedemptionRecord | null>;
  findByKey(idempotencyKey: string): Promise<RedemptionRecord | null>;
  /** Compare-and-set on the status. */
  update(id: string, from: readonly RedemptionStatus[], patch: Partial<RedemptionRecord>): Promise<boolean>;
  listForShopSince(shopId: string, since: number): Promise<RedemptionRecord[]>;
  listPendingForShop(shopId: string): Promise<RedemptionRecord[]>;
  listForMember(memberId: string, page: TPageInput): Promise<Page<RedemptionRecord>>;
  /** Item id → quantity the member took since a moment, counting only live redemptions. */
  takenSince(memberId: string, itemIds: readonly string[], since: number): Promise<Record<string, number>>;
  /** Marks a redemption code's nonce used; false when it already was (a replayed code). */
  useCode(nonce: string, userId: string, expiresAt: number, usedAt: number): Promise<boolean>;
  isCodeUsed(nonce: string): Promise<boolean>;
  pruneCodes(expiredBefore: number): Promise<number>;
  /** Whether any used code expired before the moment (so a prune has something to do). */
  hasCodesExpiredBefore(expiredBefore: number): Promise<boolean>;
}
