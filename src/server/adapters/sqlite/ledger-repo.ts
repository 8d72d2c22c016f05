import type Database from 'better-sqlite3';
import type { LedgerRepo, PostingRecord } from '../../ports';
import { afterCursor, toPage } from './paging';
import { toAccount, toPosting, type Row } from './rows';

export function createLedgerRepo(db: Database.Database): LedgerRepo {
  const account = db.prepare('SELECT * FROM accounts WHERE id = ?');
  const createAccount = db.prepare(`INSERT INTO accounts (id, community_id, kind, owner_id, balance, held, allow_negative)
    VALUES (@id, @communityId, @kind, @ownerId, @balance, @held, @allowNegative)`);
  const setBalance = db.prepare('UPDATE accounts SET balance = ? WHERE id = ?');
  const postingByKey = db.prepare('SELECT * FROM postings WHERE idempotency_key = ?');
  const insertPosting = db.prepare(`INSERT INTO postings (id, idempotency_key, community_id, debit_account_id, credit_account_id, amount, kind, ref, memo, payload_hash, created_at)
    VALUES (@id, @idempotencyKey, @communityId, @debitAccountId, @creditAccountId, @amount, @kind, @ref, @memo, @payloadHash, @createdAt)`);
  const keyOf = (posting: PostingRecord) => ({ createdAt: posting.createdAt, id: posting.id });
  return {
    async getAccount(id) {
      const row = account.get(id) as Row | undefined;
      return row ? toAccount(row) : null;
    },
    async createAccount(record) {
      createAccount.run({ ...record, allowNegative: record.allowNegative ? 1 : 0 });
    },
    async setBalance(id, balance) {
      setBalance.run(balance, id);
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
      const rows = db
        .prepare(
          `SELECT * FROM postings WHERE (debit_account_id = ? OR credit_account_id = ?) AND ${after.sql}
           ORDER BY created_at DESC, id DESC LIMIT ?`,
        )
        .all(accountId, accountId, ...after.params, page.limit + 1) as Row[];
      return toPage(rows.map(toPosting), page, keyOf);
    },
  };
}
