import type Database from 'better-sqlite3';
import { EARNING_KINDS } from '../../../shared/domain/posting-kinds';
import type { AccountKind, HoldRecord, LedgerRepo, PostingRecord } from '../../ports';
import { afterCursor, toPage } from './paging';
import { num, str, strOrNull, numOrNull, toAccount, toPosting, type Row } from './rows';

const toHold = (row: Row): HoldRecord => ({
  id: str(row.id),
  idempotencyKey: str(row.idempotency_key),
  communityId: str(row.community_id),
  accountId: str(row.account_id),
  amount: num(row.amount),
  status: str(row.status) as HoldRecord['status'],
  ref: strOrNull(row.ref),
  expiresAt: num(row.expires_at),
  createdAt: num(row.created_at),
  settledAt: numOrNull(row.settled_at),
});

const EARNING_SQL = EARNING_KINDS.map((kind) => `'${kind}'`).join(', ');

export function createLedgerRepo(db: Database.Database): LedgerRepo {
  const account = db.prepare('SELECT * FROM accounts WHERE id = ?');
  const createAccount = db.prepare(`INSERT INTO accounts (id, community_id, kind, owner_id, balance, held, allow_negative)
    VALUES (@id, @communityId, @kind, @ownerId, @balance, @held, @allowNegative)`);
  // The guard repeats the rule in SQL so no interleaving of writers can overdraw an account.
  const moveAccount = db.prepare(`UPDATE accounts SET balance = balance + @balance, held = held + @held
    WHERE id = @id AND held + @held >= 0 AND (allow_negative = 1 OR balance + @balance - (held + @held) >= 0)`);
  const postingByKey = db.prepare('SELECT * FROM postings WHERE idempotency_key = ?');
  const insertPosting = db.prepare(`INSERT INTO postings (id, idempotency_key, community_id, debit_account_id, credit_account_id, amount, kind, ref, memo, payload_hash, actor_id, created_at)
    VALUES (@id, @idempotencyKey, @communityId, @debitAccountId, @creditAccountId, @amount, @kind, @ref, @memo, @payloadHash, @actorId, @createdAt)`);
  const insertHold = db.prepare(`INSERT INTO holds (id, idempotency_key, community_id, account_id, amount, status, ref, expires_at, created_at, settled_at)
    VALUES (@id, @idempotencyKey, @communityId, @accountId, @amount, @status, @ref, @expiresAt, @createdAt, @settledAt)`);
  const holdById = db.prepare('SELECT * FROM holds WHERE id = ?');
  const holdByKey = db.prepare('SELECT * FROM holds WHERE idempotency_key = ?');
  const settleHold = db.prepare(`UPDATE holds SET status = ?, settled_at = ? WHERE id = ? AND status = 'pending'`);
  const holdsDue = db.prepare(`SELECT * FROM holds WHERE status = 'pending' AND expires_at <= ? ORDER BY expires_at LIMIT ?`);
  const audit = db.prepare(`SELECT a.*,
      COALESCE((SELECT SUM(amount) FROM postings WHERE credit_account_id = a.id), 0)
        - COALESCE((SELECT SUM(amount) FROM postings WHERE debit_account_id = a.id), 0) AS replayed,
      COALESCE((SELECT SUM(amount) FROM holds WHERE account_id = a.id AND status = 'pending'), 0) AS pending
    FROM accounts a WHERE @communityId IS NULL OR a.community_id = @communityId ORDER BY a.community_id, a.id`);
  const sumAccounts = db.prepare('SELECT COALESCE(SUM(balance), 0) AS balance, COALESCE(SUM(held), 0) AS held FROM accounts WHERE community_id = ? AND kind = ?');
  const countPostings = db.prepare('SELECT COUNT(*) AS n FROM postings WHERE @communityId IS NULL OR community_id = @communityId');
  const sumByKind = db.prepare('SELECT kind, SUM(amount) AS total FROM postings WHERE community_id = ? AND created_at >= ? GROUP BY kind');
  const leaderboard = db.prepare(`SELECT a.owner_id, SUM(p.amount) AS earned FROM postings p JOIN accounts a ON a.id = p.credit_account_id
    WHERE p.community_id = ? AND p.kind IN (${EARNING_SQL}) AND p.created_at >= ? AND a.kind = 'member'
    GROUP BY a.owner_id ORDER BY earned DESC, a.owner_id LIMIT ?`);
  const keyOf = (posting: PostingRecord) => ({ createdAt: posting.createdAt, id: posting.id });

  return {
    async getAccount(id) {
      const row = account.get(id) as Row | undefined;
      return row ? toAccount(row) : null;
    },
    async createAccount(record) {
      createAccount.run({ ...record, allowNegative: record.allowNegative ? 1 : 0 });
    },
    async moveAccount(id, balance, held) {
      return moveAccount.run({ id, balance, held }).changes === 1;
    },
    async findPostingByKey(key) {
      const row = postingByKey.get(key) as Row | undefined;
      return row ? toPosting(row) : null;
    },
    async insertPosting(posting) {
      insertPosting.run(posting);
    },
    async listPostings(accountId, page) {
      const after = afterCursor(page.cursor);
      // Two index range scans merged: faster than one scan with OR.
      const rows = db
        .prepare(
          `SELECT * FROM (
             SELECT * FROM postings WHERE debit_account_id = ? AND ${after.sql}
             UNION ALL
             SELECT * FROM postings WHERE credit_account_id = ? AND ${after.sql}
           ) ORDER BY created_at DESC, id DESC LIMIT ?`,
        )
        .all(accountId, ...after.params, accountId, ...after.params, page.limit + 1) as Row[];
      return toPage(rows.map(toPosting), page, keyOf);
    },
    async listPostingsOfKinds(communityId, kinds, page) {
      const after = afterCursor(page.cursor);
      const rows = db
        .prepare(
          `SELECT * FROM postings WHERE community_id = ? AND kind IN (${kinds.map(() => '?').join(', ')}) AND ${after.sql}
           ORDER BY created_at DESC, id DESC LIMIT ?`,
        )
        .all(communityId, ...kinds, ...after.params, page.limit + 1) as Row[];
      return toPage(rows.map(toPosting), page, keyOf);
    },
    async sumCredited(accountId, kinds, since) {
      if (kinds.length === 0) return 0;
      const row = db
        .prepare(`SELECT COALESCE(SUM(amount), 0) AS total FROM postings WHERE credit_account_id = ? AND created_at >= ? AND kind IN (${kinds.map(() => '?').join(', ')})`)
        .get(accountId, since, ...kinds) as Row;
      return num(row.total);
    },
    async insertHold(hold) {
      insertHold.run(hold);
    },
    async getHold(id) {
      const row = holdById.get(id) as Row | undefined;
      return row ? toHold(row) : null;
    },
    async findHoldByKey(key) {
      const row = holdByKey.get(key) as Row | undefined;
      return row ? toHold(row) : null;
    },
    async settleHold(id, to, at) {
      return settleHold.run(to, at, id).changes === 1;
    },
    async listHoldsDue(now, limit) {
      return (holdsDue.all(now, limit) as Row[]).map(toHold);
    },
    async auditAccounts(communityId) {
      return (audit.all({ communityId }) as Row[]).map((row) => ({ account: toAccount(row), replayedBalance: num(row.replayed), pendingHolds: num(row.pending) }));
    },
    async sumAccounts(communityId, kind) {
      const row = sumAccounts.get(communityId, kind) as Row;
      return { balance: num(row.balance), held: num(row.held) };
    },
    async countPostings(communityId) {
      return num((countPostings.get({ communityId }) as Row).n);
    },
    async sumByKind(communityId, since) {
      return Object.fromEntries((sumByKind.all(communityId, since) as Row[]).map((row) => [str(row.kind), num(row.total)]));
    },
    async leaderboard(communityId, since, limit) {
      return (leaderboard.all(communityId, since, limit) as Row[]).map((row) => ({ memberId: str(row.owner_id), earned: num(row.earned) }));
    },
  };
}

export interface PostedAccount {
  kind: AccountKind;
  ownerId: string;
}

/**
 * Writes history in bulk (the seed generator) inside the caller's SQLite transaction: accounts made as
 * needed, balances moved and the posting stored, without the per-call checks `postTransfer` makes.
 */
export function createBulkPostingWriter(db: Database.Database): (posting: PostingRecord, debit: PostedAccount, credit: PostedAccount) => void {
  const account = db.prepare(`INSERT INTO accounts (id, community_id, kind, owner_id, balance, held, allow_negative) VALUES (?, ?, ?, ?, 0, 0, ?) ON CONFLICT (id) DO NOTHING`);
  const move = db.prepare('UPDATE accounts SET balance = balance + ? WHERE id = ?');
  const insert = db.prepare(`INSERT INTO postings (id, idempotency_key, community_id, debit_account_id, credit_account_id, amount, kind, ref, memo, payload_hash, actor_id, created_at)
    VALUES (@id, @idempotencyKey, @communityId, @debitAccountId, @creditAccountId, @amount, @kind, @ref, @memo, @payloadHash, @actorId, @createdAt)`);
  return (posting, debit, credit) => {
    account.run(posting.debitAccountId, posting.communityId, debit.kind, debit.ownerId, debit.kind === 'issuance' ? 1 : 0);
    account.run(posting.creditAccountId, posting.communityId, credit.kind, credit.ownerId, credit.kind === 'issuance' ? 1 : 0);
    move.run(-posting.amount, posting.debitAccountId);
    move.run(posting.amount, posting.creditAccountId);
    insert.run(posting);
  };
}
