import type Database from 'better-sqlite3';
import type { CommunityRecord, CommunityRepo, GridRecord, UserRepo } from '../../ports';
import type { Role } from '../../../shared/domain/roles';
import { toUser, type Row } from './rows';

export function createUserRepo(db: Database.Database): UserRepo {
  const byId = db.prepare('SELECT * FROM users WHERE id = ?');
  const byOpenid = db.prepare('SELECT * FROM users WHERE openid = ?');
  const byRole = db.prepare(`SELECT * FROM users WHERE community_id = ? AND EXISTS (SELECT 1 FROM json_each(users.roles) WHERE value = ?) ORDER BY id LIMIT 200`);
  return {
    async getById(id) {
      const row = byId.get(id) as Row | undefined;
      return row ? toUser(row) : null;
    },
    async getByOpenid(openid) {
      const row = byOpenid.get(openid) as Row | undefined;
      return row ? toUser(row) : null;
    },
    async listByRole(communityId: string, role: Role) {
      return (byRole.all(communityId, role) as Row[]).map(toUser);
    },
  };
}

export function createCommunityRepo(db: Database.Database): CommunityRepo {
  const community = db.prepare('SELECT * FROM communities WHERE id = ?');
  const grid = db.prepare('SELECT * FROM grids WHERE id = ?');
  return {
    async get(id): Promise<CommunityRecord | null> {
      const row = community.get(id) as Row | undefined;
      if (!row) return null;
      return {
        id: String(row.id),
        name: String(row.name),
        center: { lat: Number(row.center_lat), lng: Number(row.center_lng) },
        dispatchPolicy: row.dispatch_policy ? JSON.parse(String(row.dispatch_policy)) : null,
        createdAt: Number(row.created_at),
      };
    },
    async getGrid(id): Promise<GridRecord | null> {
      const row = grid.get(id) as Row | undefined;
      return row ? { id: String(row.id), communityId: String(row.community_id), name: String(row.name) } : null;
    },
  };
}
