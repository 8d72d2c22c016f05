import type Database from 'better-sqlite3';
import type { EventRepo, OfferRepo, OfferStatus } from '../../ports';
import { toOffer, type Row } from './rows';

export function createOfferRepo(db: Database.Database): OfferRepo {
  const insert = db.prepare(`INSERT INTO offers (request_id, member_id, round, status, score, distance_m, reasons, offered_at, expires_at, responded_at)
    VALUES (@requestId, @memberId, @round, @status, @score, @distanceM, @reasons, @offeredAt, @expiresAt, @respondedAt)`);
  const upsert = db.prepare(`INSERT INTO offers (request_id, member_id, round, status, score, distance_m, reasons, offered_at, expires_at, responded_at)
    VALUES (@requestId, @memberId, @round, @status, @score, @distanceM, @reasons, @offeredAt, @expiresAt, @respondedAt)
    ON CONFLICT (request_id, member_id) DO UPDATE SET round = excluded.round, status = excluded.status, score = excluded.score,
      distance_m = excluded.distance_m, reasons = excluded.reasons, offered_at = excluded.offered_at, expires_at = excluded.expires_at,
      responded_at = excluded.responded_at`);
  const one = db.prepare('SELECT * FROM offers WHERE request_id = ? AND member_id = ?');
  const forRequest = db.prepare('SELECT * FROM offers WHERE request_id = ? ORDER BY round, score DESC');
  const pendingForMember = db.prepare(`SELECT * FROM offers WHERE member_id = ? AND status = 'pending' AND expires_at > ? ORDER BY offered_at DESC LIMIT 50`);
  const closePending = db.prepare(`UPDATE offers SET status = ?, responded_at = ? WHERE request_id = ? AND status = 'pending'`);
  return {
    async insertMany(offers) {
      for (const offer of offers) insert.run(offer);
    },
    async save(offer) {
      upsert.run(offer);
    },
    async get(requestId, memberId) {
      const row = one.get(requestId, memberId) as Row | undefined;
      return row ? toOffer(row) : null;
    },
    async listForRequest(requestId) {
      return (forRequest.all(requestId) as Row[]).map(toOffer);
    },
    async listPendingForMember(memberId, now) {
      return (pendingForMember.all(memberId, now) as Row[]).map(toOffer);
    },
    async updateStatus(requestId, memberId, from: readonly OfferStatus[], to, at) {
      const result = db
        .prepare(`UPDATE offers SET status = ?, responded_at = ? WHERE request_id = ? AND member_id = ? AND status IN (${from.map(() => '?').join(', ')})`)
        .run(to, at, requestId, memberId, ...from);
      return result.changes === 1;
    },
    async closePending(requestId, to, at) {
      return closePending.run(to, at, requestId).changes;
    },
  };
}

export function createEventRepo(db: Database.Database): EventRepo {
  const append = db.prepare('INSERT INTO request_events (request_id, at, kind, actor_id, text) VALUES (@requestId, @at, @kind, @actorId, @text)');
  const list = db.prepare('SELECT * FROM request_events WHERE request_id = ? ORDER BY seq LIMIT 200');
  const everyOf = db.prepare('SELECT * FROM request_events WHERE request_id = ? ORDER BY seq');
  const rewriteText = db.prepare('UPDATE request_events SET text = ? WHERE seq = ?');
  const toEvent = (row: Row) => ({
    requestId: String(row.request_id),
    at: Number(row.at),
    kind: String(row.kind),
    actorId: row.actor_id === null ? null : String(row.actor_id),
    text: String(row.text),
  });
  return {
    async append(event) {
      append.run(event);
    },
    async listForRequest(requestId) {
      return (list.all(requestId) as Row[]).map(toEvent);
    },
    async redact(requestIds, rewrite) {
      let changed = 0;
      for (const requestId of new Set(requestIds)) {
        for (const row of everyOf.all(requestId) as Row[]) {
          const text = rewrite(toEvent(row));
          if (text === null || text === row.text) continue;
          rewriteText.run(text, row.seq);
          changed++;
        }
      }
      return changed;
    },
  };
}
