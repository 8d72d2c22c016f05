import type Database from 'better-sqlite3';
import { boundingBox, distanceMeters } from '../../../shared/domain/geo';
import type { RequestState } from '../../../shared/domain/request-state';
import type { RequestRecord, RequestRepo } from '../../ports';
import { afterCursor, toPage } from './paging';
import { requestColumns, toRequest, type Row, str } from './rows';
import { statementCache } from './statement-cache';

export function createRequestRepo(db: Database.Database): RequestRepo {
  const byId = db.prepare('SELECT * FROM requests WHERE id = ?');
  const byToken = db.prepare('SELECT * FROM requests WHERE resident_id = ? AND client_token = ?');
  const byFiler = db.prepare('SELECT * FROM requests WHERE filed_by = ? AND client_token = ? LIMIT 1');
  const roundsDue = db.prepare(`SELECT * FROM requests WHERE state = 'dispatching' AND round_deadline <= ? ORDER BY round_deadline LIMIT ?`);
  const keyOf = (request: RequestRecord) => ({ createdAt: request.createdAt, id: request.id });
  const placeholders = (count: number) => Array(count).fill('?').join(', ');
  const prepared = statementCache(db);

  return {
    async insert(request) {
      const pairs = requestColumns(request);
      prepared(`INSERT INTO requests (${pairs.map(([column]) => column).join(', ')}) VALUES (${placeholders(pairs.length)})`).run(
        ...pairs.map(([, value]) => value),
      );
    },
    async get(id) {
      const row = byId.get(id) as Row | undefined;
      return row ? toRequest(row) : null;
    },
    async findByClientToken(residentId, clientToken) {
      const row = byToken.get(residentId, clientToken) as Row | undefined;
      return row ? toRequest(row) : null;
    },
    async findByFiler(filedBy, clientToken) {
      const row = byFiler.get(filedBy, clientToken) as Row | undefined;
      return row ? toRequest(row) : null;
    },
    async update(id, expected: readonly RequestState[], patch) {
      const pairs = requestColumns(patch);
      if (pairs.length === 0) return true;
      const sets = pairs.map(([column]) => `${column} = ?`).join(', ');
      const result = prepared(`UPDATE requests SET ${sets} WHERE id = ? AND state IN (${placeholders(expected.length)})`).run(...pairs.map(([, value]) => value), id, ...expected);
      return result.changes === 1;
    },
    async listByResident(residentId, page) {
      const after = afterCursor(page.cursor);
      const rows = prepared(`SELECT * FROM requests WHERE resident_id = ? AND ${after.sql} ORDER BY created_at DESC, id DESC LIMIT ?`).all(residentId, ...after.params, page.limit + 1) as Row[];
      return toPage(rows.map(toRequest), page, keyOf);
    },
    async listByAssignee(memberId, states, page) {
      const after = afterCursor(page.cursor);
      const rows = prepared(
        `SELECT * FROM requests WHERE assignee_id = ? AND state IN (${placeholders(states.length)}) AND ${after.sql}
         ORDER BY created_at DESC, id DESC LIMIT ?`,
      ).all(memberId, ...states, ...after.params, page.limit + 1) as Row[];
      return toPage(rows.map(toRequest), page, keyOf);
    },
    async listIds(ids) {
      if (ids.length === 0) return [];
      return (prepared(`SELECT * FROM requests WHERE id IN (${placeholders(ids.length)})`).all(...ids) as Row[]).map(toRequest);
    },
    async listOpenWishes(communityId, skill, limit) {
      const wishes = `SELECT * FROM requests WHERE community_id = ? AND state = 'submitted' AND category = 'wish' ${skill ? 'AND needed_skill = ?' : ''}
        ORDER BY created_at DESC, id DESC LIMIT ?`;
      const rows = prepared(wishes).all(communityId, ...(skill ? [skill] : []), limit) as Row[];
      return rows.map(toRequest);
    },
    async listByCommunity(communityId, states, page) {
      const after = afterCursor(page.cursor);
      const rows = prepared(
        `SELECT * FROM requests WHERE community_id = ? AND state IN (${placeholders(states.length)}) AND ${after.sql}
         ORDER BY created_at DESC, id DESC LIMIT ?`,
      ).all(communityId, ...states, ...after.params, page.limit + 1) as Row[];
      return toPage(rows.map(toRequest), page, keyOf);
    },
    async findSimilar(query) {
      // Positions first, from the covering index (any 50 inside the box are plenty: all are within the radius
      // of a duplicate hint); whole rows only for the few nearest.
      const box = boundingBox(query.center, query.radiusM);
      const near = prepared(
        `SELECT id, lat, lng FROM requests WHERE community_id = ? AND category = ? AND created_at >= ? AND state IN (${placeholders(query.states.length)})
           AND lat BETWEEN ? AND ? AND lng BETWEEN ? AND ? LIMIT 50`,
      ).all(query.communityId, query.category, query.since, ...query.states, box.minLat, box.maxLat, box.minLng, box.maxLng) as { id: string; lat: number; lng: number }[];
      const nearest = near
        .map((row) => ({ id: row.id, distance: distanceMeters(query.center, row) }))
        .filter(({ distance }) => distance <= query.radiusM)
        .sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .slice(0, query.limit);
      const found = prepared(`SELECT * FROM requests WHERE id IN (${placeholders(nearest.length)})`).all(...nearest.map(({ id }) => id)) as Row[];
      const rows = new Map(found.map((row) => [str(row.id), row]));
      return nearest.flatMap(({ id }) => (rows.has(id) ? [toRequest(rows.get(id) as Row)] : []));
    },
    async listRoundsDue(now, limit) {
      return (roundsDue.all(now, limit) as Row[]).map(toRequest);
    },
  };
}
