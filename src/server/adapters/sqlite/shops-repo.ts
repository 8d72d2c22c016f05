import type Database from 'better-sqlite3';
import type { ServicePointKind, ShopKind } from '../../../shared/domain/community-settings';
import type { OpeningHours } from '../../../shared/domain/structure-rules';
import type { ServicePointRecord, ServicePointRepo, ShopRecord, ShopRepo } from '../../ports';
import { num, str, toUser, type Row } from './rows';

const toShop = (row: Row): ShopRecord => ({
  id: str(row.id),
  communityId: str(row.community_id),
  name: str(row.name),
  kind: str(row.kind) as ShopKind,
  description: str(row.description),
  inviteCode: str(row.invite_code),
  createdAt: num(row.created_at),
});

export function createShopRepo(db: Database.Database): ShopRepo {
  const byId = db.prepare('SELECT * FROM shops WHERE id = ?');
  const byCode = db.prepare('SELECT * FROM shops WHERE invite_code = ?');
  const byCommunity = db.prepare('SELECT * FROM shops WHERE community_id = ? ORDER BY created_at, id LIMIT 200');
  const insert = db.prepare(`INSERT INTO shops (id, community_id, name, kind, description, invite_code, created_at)
    VALUES (@id, @communityId, @name, @kind, @description, @inviteCode, @createdAt)`);
  const addStaff = db.prepare('INSERT OR IGNORE INTO shop_staff (shop_id, user_id, joined_at) VALUES (?, ?, ?)');
  const staff = db.prepare('SELECT u.* FROM shop_staff s JOIN users u ON u.id = s.user_id WHERE s.shop_id = ? ORDER BY s.joined_at, s.rowid LIMIT 100');
  const ofStaff = db.prepare('SELECT s.* FROM shop_staff st JOIN shops s ON s.id = st.shop_id WHERE st.user_id = ? ORDER BY st.joined_at, s.id LIMIT 20');
  return {
    async get(id) {
      const row = byId.get(id) as Row | undefined;
      return row ? toShop(row) : null;
    },
    async listShopsOfStaff(userId) {
      return (ofStaff.all(userId) as Row[]).map(toShop);
    },
    async getByInviteCode(code) {
      const row = byCode.get(code) as Row | undefined;
      return row ? toShop(row) : null;
    },
    async listByCommunity(communityId) {
      return (byCommunity.all(communityId) as Row[]).map(toShop);
    },
    async insert(shop) {
      insert.run(shop);
    },
    async removeStaff(userId) {
      db.prepare('DELETE FROM shop_staff WHERE user_id = ?').run(userId);
    },
    async addStaff(shopId, userId, at) {
      addStaff.run(shopId, userId, at);
    },
    async listStaff(shopId) {
      return (staff.all(shopId) as Row[]).map(toUser);
    },
  };
}

const toServicePoint = (row: Row): ServicePointRecord => ({
  id: str(row.id),
  communityId: str(row.community_id),
  name: str(row.name),
  kind: str(row.kind) as ServicePointKind,
  location: { lat: num(row.lat), lng: num(row.lng) },
  radiusM: num(row.radius_m),
  openingHours: JSON.parse(str(row.opening_hours)) as OpeningHours,
  createdAt: num(row.created_at),
});

export function createServicePointRepo(db: Database.Database): ServicePointRepo {
  const byId = db.prepare('SELECT * FROM service_points WHERE id = ?');
  const byCommunity = db.prepare('SELECT * FROM service_points WHERE community_id = ? ORDER BY created_at, id LIMIT 200');
  const save = db.prepare(`INSERT INTO service_points (id, community_id, name, kind, lat, lng, radius_m, opening_hours, created_at)
    VALUES (@id, @communityId, @name, @kind, @lat, @lng, @radiusM, @openingHours, @createdAt)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, lat = excluded.lat, lng = excluded.lng,
      radius_m = excluded.radius_m, opening_hours = excluded.opening_hours`);
  return {
    async get(id) {
      const row = byId.get(id) as Row | undefined;
      return row ? toServicePoint(row) : null;
    },
    async listByCommunity(communityId) {
      return (byCommunity.all(communityId) as Row[]).map(toServicePoint);
    },
    async save(point) {
      save.run({ ...point, lat: point.location.lat, lng: point.location.lng, openingHours: JSON.stringify(point.openingHours), location: undefined });
    },
  };
}
