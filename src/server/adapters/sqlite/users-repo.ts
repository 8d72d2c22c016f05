import type Database from 'better-sqlite3';
import { DEPARTED_NAME } from '../../../shared/domain/privacy';
import type { Role } from '../../../shared/domain/roles';
import type { UserPatch, UserRecord, UserRepo } from '../../ports';
import { afterCursor, toPage } from './paging';
import { toUser, type Row } from './rows';

const PATCH_COLUMNS: Record<Exclude<keyof UserPatch, 'home'>, string> = {
  name: 'name',
  phone: 'phone',
  communityId: 'community_id',
  gridId: 'grid_id',
  householdId: 'household_id',
  roles: 'roles',
  address: 'address',
};

export function createUserRepo(db: Database.Database): UserRepo {
  const byId = db.prepare('SELECT * FROM users WHERE id = ?');
  const byOpenid = db.prepare('SELECT * FROM users WHERE openid = ?');
  const byRole = db.prepare(`SELECT * FROM users WHERE community_id = ? AND EXISTS (SELECT 1 FROM json_each(users.roles) WHERE value = ?) ORDER BY id LIMIT 200`);
  const insert = db.prepare(`INSERT INTO users (id, openid, name, phone, community_id, grid_id, household_id, roles, address, home_lat, home_lng, created_at)
    VALUES (@id, @openid, @name, @phone, @communityId, @gridId, @householdId, @roles, @address, @homeLat, @homeLng, @createdAt)`);
  const keyOf = (user: UserRecord) => ({ createdAt: user.createdAt, id: user.id });
  const renameInIndex = db.prepare('UPDATE member_cells SET name = ? WHERE user_id = ?');
  // The freed openid becomes a value no WeChat user has: the same person may join again as someone new.
  const erase = db.prepare(`UPDATE users SET openid = 'left:' || id, name = @name, phone = '', address = '', home_lat = NULL, home_lng = NULL,
    household_id = NULL, roles = '[]', left_at = @at WHERE id = @id`);
  return {
    async getById(id) {
      const row = byId.get(id) as Row | undefined;
      return row ? toUser(row) : null;
    },
    async getByOpenid(openid) {
      const row = byOpenid.get(openid) as Row | undefined;
      return row ? toUser(row) : null;
    },
    async listByIds(ids) {
      if (ids.length === 0) return [];
      return (db.prepare(`SELECT * FROM users WHERE id IN (${ids.map(() => '?').join(', ')})`).all(...ids) as Row[]).map(toUser);
    },
    async listByRole(communityId: string, role: Role) {
      return (byRole.all(communityId, role) as Row[]).map(toUser);
    },
    async search(communityId, filter, page) {
      const after = afterCursor(page.cursor);
      const clauses = ['community_id = ?', after.sql];
      const params: (string | number)[] = [communityId, ...after.params];
      if (filter.keyword) {
        clauses.push(`(name LIKE ? ESCAPE '\\' OR phone LIKE ? ESCAPE '\\' OR address LIKE ? ESCAPE '\\')`);
        const prefix = `${escapeLike(filter.keyword)}%`;
        params.push(prefix, prefix, `%${escapeLike(filter.keyword)}%`);
      }
      if (filter.role) {
        clauses.push('EXISTS (SELECT 1 FROM json_each(users.roles) WHERE value = ?)');
        params.push(filter.role);
      }
      const rows = db.prepare(`SELECT * FROM users WHERE ${clauses.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT ?`).all(...params, page.limit + 1) as Row[];
      return toPage(rows.map(toUser), page, keyOf);
    },
    async insert(user) {
      insert.run({
        ...user,
        roles: JSON.stringify(user.roles),
        homeLat: user.home?.lat ?? null,
        homeLng: user.home?.lng ?? null,
      });
    },
    async update(id, patch) {
      const pairs: [string, unknown][] = [];
      for (const [key, value] of Object.entries(patch) as [keyof UserPatch, unknown][]) {
        if (value === undefined) continue;
        if (key === 'home') {
          const home = value as UserRecord['home'];
          pairs.push(['home_lat', home?.lat ?? null], ['home_lng', home?.lng ?? null]);
        } else pairs.push([PATCH_COLUMNS[key], key === 'roles' ? JSON.stringify(value) : value]);
      }
      if (pairs.length === 0) return;
      db.prepare(`UPDATE users SET ${pairs.map(([column]) => `${column} = ?`).join(', ')} WHERE id = ?`).run(...pairs.map(([, value]) => value), id);
      // The dispatch index carries the member's name.
      if (patch.name !== undefined) renameInIndex.run(patch.name, id);
    },
    async erase(id, at) {
      erase.run({ id, at, name: DEPARTED_NAME });
    },
  };
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
