import type Database from 'better-sqlite3';
import type { DemandFilter, DemandRepo, DemandRow, SuggestionReplyRecord } from '../../ports';
import { afterCursor, toPage } from './paging';
import { num, str, strOrNull, toRequest, type Row } from './rows';

const toReply = (row: Row, prefix = ''): SuggestionReplyRecord => ({
  requestId: str(row[`${prefix}request_id`] ?? row.id),
  adopted: num(row[`${prefix}adopted`]) === 1,
  reply: str(row[`${prefix}reply`]),
  repliedBy: str(row[`${prefix}replied_by`]),
  repliedAt: num(row[`${prefix}replied_at`]),
});

const toDemandRow = (row: Row): DemandRow => ({
  request: toRequest(row),
  residentName: str(row.resident_name),
  gridName: strOrNull(row.grid_name),
  assigneeName: strOrNull(row.assignee_name),
  reply: row.reply_adopted === null || row.reply_adopted === undefined ? null : toReply(row, 'reply_'),
});

function whereOf(filter: DemandFilter): { sql: string; params: (string | number)[] } {
  const clauses = ['r.community_id = ?'];
  const params: (string | number)[] = [filter.communityId];
  const add = (sql: string, value: string | number | null) => {
    if (value === null) return;
    clauses.push(sql);
    params.push(value);
  };
  add('r.grid_id = ?', filter.gridId);
  add('r.category = ?', filter.category);
  add('r.state = ?', filter.state);
  add('r.created_at >= ?', filter.from);
  add('r.created_at < ?', filter.to);
  return { sql: clauses.join(' AND '), params };
}

const SELECT = `SELECT r.*, u.name AS resident_name, g.name AS grid_name, a.name AS assignee_name,
    s.request_id AS reply_request_id, s.adopted AS reply_adopted, s.reply AS reply_reply, s.replied_by AS reply_replied_by, s.replied_at AS reply_replied_at
  FROM requests r JOIN users u ON u.id = r.resident_id LEFT JOIN grids g ON g.id = r.grid_id LEFT JOIN users a ON a.id = r.assignee_id
  LEFT JOIN suggestion_replies s ON s.request_id = r.id`;

export function createDemandRepo(db: Database.Database): DemandRepo {
  const replyOf = db.prepare('SELECT * FROM suggestion_replies WHERE request_id = ?');
  const insertReply = db.prepare(`INSERT INTO suggestion_replies (request_id, adopted, reply, replied_by, replied_at)
    VALUES (@requestId, @adopted, @reply, @repliedBy, @repliedAt) ON CONFLICT (request_id) DO NOTHING`);
  return {
    async list(filter, page) {
      const where = whereOf(filter);
      const after = afterCursor(page.cursor, 'r.created_at', 'r.id');
      const rows = db
        .prepare(`${SELECT} WHERE ${where.sql} AND ${after.sql} ORDER BY r.created_at DESC, r.id DESC LIMIT ?`)
        .all(...where.params, ...after.params, page.limit + 1) as Row[];
      return toPage(rows.map(toDemandRow), page, (line) => ({ createdAt: line.request.createdAt, id: line.request.id }));
    },
    async listAll(filter, limit) {
      const where = whereOf(filter);
      return (db.prepare(`${SELECT} WHERE ${where.sql} ORDER BY r.created_at, r.id LIMIT ?`).all(...where.params, limit) as Row[]).map(toDemandRow);
    },
    async get(requestId) {
      const row = db.prepare(`${SELECT} WHERE r.id = ?`).get(requestId) as Row | undefined;
      return row ? toDemandRow(row) : null;
    },
    async getReply(requestId) {
      const row = replyOf.get(requestId) as Row | undefined;
      return row ? toReply(row) : null;
    },
    async insertReply(reply) {
      return insertReply.run({ ...reply, adopted: reply.adopted ? 1 : 0 }).changes === 1;
    },
  };
}
