import type Database from 'better-sqlite3';
import type { Role } from '../../../shared/domain/roles';
import type { AuditEntry, AuditRepo } from '../../ports';
import { afterCursor, toPage } from './paging';
import { json, str, strOrNull, num, type Row } from './rows';

const toEntry = (row: Row): AuditEntry => ({
  id: str(row.id),
  communityId: str(row.community_id),
  actorId: str(row.actor_id),
  actorName: str(row.actor_name),
  actorRoles: json<Role[]>(row.actor_roles),
  action: str(row.action),
  targetId: strOrNull(row.target_id),
  detail: str(row.detail),
  at: num(row.at),
});

export function createAuditRepo(db: Database.Database): AuditRepo {
  // OR IGNORE: the same entry from a retried attempt is already there.
  const insert = db.prepare(`INSERT OR IGNORE INTO audit_log (id, community_id, actor_id, actor_name, actor_roles, action, target_id, detail, at)
    VALUES (@id, @communityId, @actorId, @actorName, @actorRoles, @action, @targetId, @detail, @at)`);
  return {
    async append(entry) {
      insert.run({ ...entry, actorRoles: JSON.stringify(entry.actorRoles) });
    },
    async list(communityIds, page) {
      const after = afterCursor(page.cursor, 'at');
      const rows = db
        .prepare(`SELECT * FROM audit_log WHERE community_id IN (SELECT value FROM json_each(?)) AND ${after.sql} ORDER BY at DESC, id DESC LIMIT ?`)
        .all(JSON.stringify(communityIds), ...after.params, page.limit + 1) as Row[];
      return toPage(rows.map(toEntry), page, (entry) => ({ createdAt: entry.at, id: entry.id }));
    },
  };
}
