import type Database from 'better-sqlite3';
import type { OutboxRecord, OutboxRepo } from '../../ports';
import { afterCursor, toPage } from './paging';
import { toOutbox, type Row } from './rows';

export function createOutboxRepo(db: Database.Database): OutboxRepo {
  const insert = db.prepare(`INSERT INTO outbox (id, user_id, kind, title, body, request_id, created_at, read_at, delivered_at, channel)
    VALUES (@id, @userId, @kind, @title, @body, @requestId, @createdAt, @readAt, @deliveredAt, @channel)`);
  const unread = db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE user_id = ? AND read_at IS NULL');
  const undelivered = db.prepare('SELECT * FROM outbox WHERE delivered_at IS NULL ORDER BY created_at LIMIT ?');
  const due = db.prepare(
    'SELECT * FROM outbox WHERE delivered_at IS NULL AND COALESCE(retry_at, created_at) <= ? ORDER BY COALESCE(retry_at, created_at), created_at, id LIMIT ?',
  );
  const delivered = db.prepare('UPDATE outbox SET delivered_at = ?, channel = ? WHERE id = ? AND delivered_at IS NULL');
  const deferred = db.prepare('UPDATE outbox SET retry_at = ? WHERE id = ? AND delivered_at IS NULL');
  const keyOf = (message: OutboxRecord) => ({ createdAt: message.createdAt, id: message.id });
  return {
    async enqueue(message) {
      insert.run(message);
    },
    async listForUser(userId, page) {
      const after = afterCursor(page.cursor);
      const rows = db
        .prepare(`SELECT * FROM outbox WHERE user_id = ? AND ${after.sql} ORDER BY created_at DESC, id DESC LIMIT ?`)
        .all(userId, ...after.params, page.limit + 1) as Row[];
      return toPage(rows.map(toOutbox), page, keyOf);
    },
    async countUnread(userId) {
      return Number((unread.get(userId) as Row).n);
    },
    async markRead(userId, ids, at) {
      if (ids.length === 0) return 0;
      return db
        .prepare(`UPDATE outbox SET read_at = ? WHERE user_id = ? AND read_at IS NULL AND id IN (${ids.map(() => '?').join(', ')})`)
        .run(at, userId, ...ids).changes;
    },
    async listUndelivered(limit, dueAt) {
      const rows = dueAt === undefined ? undelivered.all(limit) : due.all(dueAt, limit);
      return (rows as Row[]).map(toOutbox);
    },
    async markDelivered(id, channel, at) {
      delivered.run(at, channel, id);
    },
    async deferDelivery(id, retryAt) {
      deferred.run(retryAt, id);
    },
    async removeForUser(userId) {
      db.prepare('DELETE FROM outbox WHERE user_id = ?').run(userId);
    },
  };
}
