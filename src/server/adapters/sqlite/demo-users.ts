import type Database from 'better-sqlite3';
import type { Role } from '../../../shared/domain/roles';

export interface DemoUser {
  openid: string;
  name: string;
  roles: Role[];
}

/** The "模拟微信登录" picker: only the local host exposes this, and only for the demo/dev database. */
export function listDemoUsers(db: Database.Database, limit = 40): DemoUser[] {
  const rows = db.prepare(`SELECT openid, name, roles FROM users WHERE openid LIKE 'demo-%' ORDER BY created_at, id LIMIT ?`).all(limit) as {
    openid: string;
    name: string;
    roles: string;
  }[];
  return rows.map((row) => ({ openid: row.openid, name: row.name, roles: JSON.parse(row.roles) as Role[] }));
}

/** Communities whose join page the picker can open as a brand-new WeChat user. */
export function listDemoCommunities(db: Database.Database): { id: string; name: string }[] {
  return db.prepare('SELECT id, name FROM communities ORDER BY created_at, id LIMIT 10').all() as { id: string; name: string }[];
}
