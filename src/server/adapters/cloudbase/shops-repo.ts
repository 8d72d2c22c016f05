import type { ServicePointKind, ShopKind } from '../../../shared/domain/community-settings';
import type { LatLng } from '../../../shared/domain/geo';
import type { OpeningHours } from '../../../shared/domain/structure-rules';
import type { ServicePointRecord, ServicePointRepo, ShopRecord, ShopRepo } from '../../ports';
import type { Doc, DocDb } from './doc-db';
import type { StoreSession } from './session-cache';
import { compositeId, toDoc } from './doc-db';
import { USERS, toUser } from './users-repo';

/*
 * Collections written here (`_id` = the record's id unless said otherwise):
 *   shops            ShopRecord.
 *   shops_by_invite  `_id` = invite code → `{ shopId }`: the code is unique, and read by id.
 *   shop_staff       `_id` = shop id ':' user id → `{ shopId, userId, joinedAt, shop }` (once per pair); `shop`
 *                    is a copy of the shop (shops are not changed once created), so a staff member's
 *                    shops come in one query.
 *   service_points   ServicePointRecord.
 */

export const SHOPS = 'shops';
export const SHOPS_BY_INVITE = 'shops_by_invite';
export const SHOP_STAFF = 'shop_staff';
export const SERVICE_POINTS = 'service_points';

const toShop = (doc: Doc): ShopRecord => ({
  id: String(doc.id),
  communityId: String(doc.communityId),
  name: String(doc.name),
  kind: doc.kind as ShopKind,
  description: String(doc.description ?? ''),
  inviteCode: String(doc.inviteCode),
  createdAt: Number(doc.createdAt),
});

/** Documents by id through a query (committed data), in the order of `ids`. */
async function byIds(db: DocDb, collection: string, ids: readonly string[]): Promise<Doc[]> {
  if (ids.length === 0) return [];
  const found = new Map((await db.find(collection, { _id: { in: [...ids] } }, { limit: ids.length })).map((doc) => [doc._id, doc]));
  return ids.flatMap((id) => {
    const doc = found.get(id);
    return doc ? [doc] : [];
  });
}

const isShopDoc = (value: unknown): value is Doc => typeof value === 'object' && value !== null && typeof (value as Doc)._id === 'string';

export function createShopRepo(db: DocDb, session: StoreSession): ShopRepo {
  const get = async (id: string) => {
    const doc = await session.get(SHOPS, id);
    return doc ? toShop(doc) : null;
  };
  return {
    get,
    async getByInviteCode(code) {
      const key = await session.get(SHOPS_BY_INVITE, code);
      return key ? get(String(key.shopId)) : null;
    },
    async listByCommunity(communityId) {
      const docs = await db.find(SHOPS, { communityId }, { orderBy: [{ field: 'createdAt', direction: 'asc' }, { field: 'id', direction: 'asc' }], limit: 200 });
      return docs.map(toShop);
    },
    async insert(shop) {
      await session.create(SHOPS, toDoc(shop.id, shop), `UNIQUE constraint failed: shops.id (${shop.id})`);
      await session.create(SHOPS_BY_INVITE, { _id: shop.inviteCode, shopId: shop.id }, 'UNIQUE constraint failed: shops.invite_code');
    },
    async removeStaff(userId) {
      const links = await db.find(SHOP_STAFF, { userId }, { limit: 100, fields: ['_id'] });
      for (const link of links) await session.remove(SHOP_STAFF, link._id);
    },
    async addStaff(shopId, userId, at) {
      // Insert-if-absent: joining twice keeps the first time.
      const id = compositeId(shopId, userId);
      const [link, shop] = await Promise.all([session.get(SHOP_STAFF, id), session.get(SHOPS, shopId)]);
      if (link) return;
      await session.set(SHOP_STAFF, { _id: id, shopId, userId, joinedAt: at, ...(shop ? { shop } : {}) });
    },
    async listStaff(shopId) {
      // SQLite breaks equal join times by insertion order; here by user id.
      const links = await db.find(SHOP_STAFF, { shopId }, { orderBy: [{ field: 'joinedAt', direction: 'asc' }, { field: 'userId', direction: 'asc' }], limit: 100 });
      return (await byIds(db, USERS, links.map((link) => String(link.userId)))).map(toUser);
    },
    async listShopsOfStaff(userId) {
      const links = await db.find(SHOP_STAFF, { userId }, { orderBy: [{ field: 'joinedAt', direction: 'asc' }, { field: 'shopId', direction: 'asc' }], limit: 20 });
      const copied = links.flatMap((link) => (isShopDoc(link.shop) ? [link.shop] : []));
      // Links written before they carried the shop are read the old way.
      const docs = copied.length === links.length ? copied : await byIds(db, SHOPS, links.map((link) => String(link.shopId)));
      for (const doc of docs) session.remember(SHOPS, doc);
      return docs.map(toShop);
    },
  };
}

const toServicePoint = (doc: Doc): ServicePointRecord => ({
  id: String(doc.id),
  communityId: String(doc.communityId),
  name: String(doc.name),
  kind: doc.kind as ServicePointKind,
  location: doc.location as LatLng,
  radiusM: Number(doc.radiusM),
  openingHours: doc.openingHours as OpeningHours,
  createdAt: Number(doc.createdAt),
});

export function createServicePointRepo(db: DocDb, session: StoreSession): ServicePointRepo {
  return {
    async get(id) {
      const doc = await session.get(SERVICE_POINTS, id);
      return doc ? toServicePoint(doc) : null;
    },
    async listByCommunity(communityId) {
      const docs = await db.find(SERVICE_POINTS, { communityId }, { orderBy: [{ field: 'createdAt', direction: 'asc' }, { field: 'id', direction: 'asc' }], limit: 200 });
      return docs.map(toServicePoint);
    },
    async save(point) {
      // An edit keeps the community and creation time, as SQLite's upsert does.
      const existing = await session.get(SERVICE_POINTS, point.id);
      const saved: ServicePointRecord = existing ? { ...point, communityId: String(existing.communityId), createdAt: Number(existing.createdAt) } : point;
      await session.set(SERVICE_POINTS, toDoc(saved.id, saved));
    },
  };
}
