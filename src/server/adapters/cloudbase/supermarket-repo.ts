import { COUNTED_STATUSES, type CatalogItemKind, type RedemptionStatus } from '../../../shared/domain/supermarket';
import type { CatalogItemRecord, CatalogRepo, RedemptionLine, RedemptionRecord, RedemptionRepo } from '../../ports';
import type { Doc, DocDb } from './doc-db';
import type { StoreSession } from './session-cache';
import { toDoc, orNull } from './doc-db';
import { findPage } from './paging';

/*
 * Collections written here:
 *   catalog_items        `_id` = item id: the CatalogItemRecord. `takeStock`/`returnStock` are guarded
 *                        counters (get, check, update in the caller's transaction); `stock: null`
 *                        means unlimited.
 *   redemptions          `_id` = redemption id: the RedemptionRecord (`lines` as an array), plus
 *                        `itemIds`: the lines' item ids, so `takenSince` is one query on an array
 *                        field (SQLite keeps a redemption_lines table). `update` keeps it in step
 *                        when a patch carries `lines`.
 *   redemptions_by_key   `_id` = idempotency key → `{ redemptionId }`: SQLite's UNIQUE
 *                        idempotency_key; `findByKey` reads it by id, so a retry inside its own
 *                        transaction sees the first redemption.
 *   used_codes           `_id` = the redemption code's nonce → `{ userId, expiresAt, usedAt }`:
 *                        `useCode` is insert-if-absent on it (two scans of one code in concurrent
 *                        transactions conflict on the document; the loser re-runs and is refused).
 */

export const CATALOG_ITEMS = 'catalog_items';
export const REDEMPTIONS = 'redemptions';
export const REDEMPTIONS_BY_KEY = 'redemptions_by_key';
export const USED_CODES = 'used_codes';

/** As SQLite's LIMITs. */
const SHOP_ITEMS_LIMIT = 500;
const COMMUNITY_ITEMS_LIMIT = 1000;
const SHOP_SINCE_LIMIT = 500;
const SHOP_PENDING_LIMIT = 200;
/**
 * A member's live redemptions holding the items, since the moment, that `takenSince` reads at most
 * (it is asked for the current month: a member redeems a few times a month). Past it the oldest
 * are left out.
 */
export const TAKEN_SINCE_CAP = 2000;
/**
 * Used codes one `pruneCodes` call removes at most, one document write each inside the caller's
 * transaction; the rest go on the next run (the timer runs it every few minutes, and a code is
 * kept a day past its expiry, so a backlog drains quickly). Returns how many it removed.
 */
export const PRUNE_CODES_BATCH = 200;

function toItem(doc: Doc): CatalogItemRecord {
  return {
    id: String(doc.id),
    shopId: String(doc.shopId),
    communityId: String(doc.communityId),
    name: String(doc.name),
    kind: doc.kind as CatalogItemKind,
    description: String(doc.description ?? ''),
    price: Number(doc.price),
    stock: orNull<number>(doc.stock),
    monthlyLimit: orNull<number>(doc.monthlyLimit),
    photos: Array.isArray(doc.photos) ? doc.photos.map(String) : [],
    onShelf: doc.onShelf === true,
    createdAt: Number(doc.createdAt),
    updatedAt: Number(doc.updatedAt),
  };
}

function toLines(value: unknown): RedemptionLine[] {
  if (!Array.isArray(value)) return [];
  return value.map((line: Record<string, unknown>) => ({ itemId: String(line.itemId), name: String(line.name), price: Number(line.price), qty: Number(line.qty) }));
}

function toRedemption(doc: Doc): RedemptionRecord {
  return {
    id: String(doc.id),
    idempotencyKey: String(doc.idempotencyKey),
    payloadHash: String(doc.payloadHash),
    communityId: String(doc.communityId),
    shopId: String(doc.shopId),
    memberId: String(doc.memberId),
    staffId: orNull<string>(doc.staffId),
    channel: doc.channel as RedemptionRecord['channel'],
    status: doc.status as RedemptionStatus,
    lines: toLines(doc.lines),
    total: Number(doc.total),
    holdId: orNull<string>(doc.holdId),
    postingId: orNull<string>(doc.postingId),
    refundPostingId: orNull<string>(doc.refundPostingId),
    refundReason: orNull<string>(doc.refundReason),
    createdAt: Number(doc.createdAt),
    settledAt: orNull<number>(doc.settledAt),
    expiresAt: orNull<number>(doc.expiresAt),
    updatedAt: Number(doc.updatedAt),
  };
}

const itemIdsOf = (lines: readonly RedemptionLine[]): string[] => [...new Set(lines.map((line) => line.itemId))];

export function createCatalogRepo(db: DocDb, session: StoreSession): CatalogRepo {
  return {
    async get(id) {
      const doc = await session.get(CATALOG_ITEMS, id);
      return doc ? toItem(doc) : null;
    },

    async listByShop(shopId, onShelfOnly) {
      const docs = await db.find(CATALOG_ITEMS, { shopId, onShelf: onShelfOnly ? true : undefined }, {
        orderBy: [
          { field: 'createdAt', direction: 'asc' },
          { field: 'id', direction: 'asc' },
        ],
        limit: SHOP_ITEMS_LIMIT,
      });
      return docs.map(toItem);
    },

    async listOnShelfInCommunity(communityId) {
      const docs = await db.find(CATALOG_ITEMS, { communityId, onShelf: true }, {
        orderBy: [
          { field: 'shopId', direction: 'asc' },
          { field: 'createdAt', direction: 'asc' },
          { field: 'id', direction: 'asc' },
        ],
        limit: COMMUNITY_ITEMS_LIMIT,
      });
      return docs.map(toItem);
    },

    async save(item) {
      const current = await session.get(CATALOG_ITEMS, item.id);
      if (!current) {
        await session.set(CATALOG_ITEMS, toDoc(item.id, item));
        return;
      }
      // As SQLite's upsert: the shop, community and creation time stay as first saved.
      const { name, kind, description, price, stock, monthlyLimit, photos, onShelf, updatedAt } = item;
      await session.update(CATALOG_ITEMS, item.id, { name, kind, description, price, stock, monthlyLimit, photos, onShelf, updatedAt });
    },

    async takeStock(itemId, qty) {
      const doc = await session.get(CATALOG_ITEMS, itemId);
      if (!doc) return false;
      const stock = orNull<number>(doc.stock);
      if (stock === null) return true;
      if (stock < qty) return false;
      await session.update(CATALOG_ITEMS, itemId, { stock: stock - qty });
      return true;
    },

    async returnStock(itemId, qty) {
      const doc = await session.get(CATALOG_ITEMS, itemId);
      const stock = doc ? orNull<number>(doc.stock) : null;
      if (stock === null) return;
      await session.update(CATALOG_ITEMS, itemId, { stock: stock + qty });
    },
  };
}

export function createRedemptionRepo(db: DocDb, session: StoreSession): RedemptionRepo {
  return {
    async insert(redemption) {
      await session.create(REDEMPTIONS_BY_KEY, { _id: redemption.idempotencyKey, redemptionId: redemption.id }, 'UNIQUE constraint failed: redemptions.idempotency_key');
      await session.create(REDEMPTIONS, { ...toDoc(redemption.id, redemption), itemIds: itemIdsOf(redemption.lines) }, `UNIQUE constraint failed: redemptions.id (${redemption.id})`);
    },

    async get(id) {
      const doc = await session.get(REDEMPTIONS, id);
      return doc ? toRedemption(doc) : null;
    },

    async findByKey(key) {
      const link = await session.get(REDEMPTIONS_BY_KEY, key);
      if (!link) return null;
      const doc = await session.get(REDEMPTIONS, String(link.redemptionId));
      return doc ? toRedemption(doc) : null;
    },

    async update(id, from, patch) {
      const current = await session.get(REDEMPTIONS, id);
      if (!current || !from.includes(current.status as RedemptionStatus)) return false;
      const fields: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(patch)) if (key !== 'id' && value !== undefined) fields[key] = value;
      if (patch.lines) fields.itemIds = itemIdsOf(patch.lines);
      if (Object.keys(fields).length > 0) await session.update(REDEMPTIONS, id, fields);
      return true;
    },

    async listForShopSince(shopId, since) {
      const docs = await db.find(REDEMPTIONS, { shopId, createdAt: { gte: since } }, {
        orderBy: [
          { field: 'createdAt', direction: 'desc' },
          { field: 'id', direction: 'desc' },
        ],
        limit: SHOP_SINCE_LIMIT,
      });
      return docs.map(toRedemption);
    },

    async listPendingForShop(shopId) {
      const docs = await db.find(REDEMPTIONS, { shopId, status: 'pending' }, {
        orderBy: [
          { field: 'createdAt', direction: 'asc' },
          { field: 'id', direction: 'asc' },
        ],
        limit: SHOP_PENDING_LIMIT,
      });
      return docs.map(toRedemption);
    },

    async listForMember(memberId, page) {
      const found = await findPage(db, REDEMPTIONS, { memberId }, page);
      return { items: found.items.map(toRedemption), nextCursor: found.nextCursor };
    },

    async takenSince(memberId, itemIds, since) {
      if (itemIds.length === 0) return {};
      const wanted = new Set(itemIds);
      const taken: Record<string, number> = {};
      // `in` lists of at most 100 values; a redemption holding items of two chunks is read once.
      const seen = new Set<string>();
      const unique = [...wanted];
      for (let start = 0; start < unique.length; start += 100) {
        const chunk = unique.slice(start, start + 100);
        const docs = await db.find(
          REDEMPTIONS,
          { memberId, itemIds: { in: chunk }, createdAt: { gte: since }, status: { in: [...COUNTED_STATUSES] } },
          { orderBy: [{ field: 'createdAt', direction: 'desc' }], limit: TAKEN_SINCE_CAP, fields: ['lines'] },
        );
        for (const doc of docs) {
          if (seen.has(doc._id)) continue;
          seen.add(doc._id);
          for (const line of toLines(doc.lines)) if (wanted.has(line.itemId)) taken[line.itemId] = (taken[line.itemId] ?? 0) + line.qty;
        }
      }
      return taken;
    },

    async useCode(nonce, userId, expiresAt, usedAt) {
      if (await session.get(USED_CODES, nonce)) return false;
      await session.set(USED_CODES, { _id: nonce, userId, expiresAt, usedAt });
      return true;
    },

    async isCodeUsed(nonce) {
      return (await session.get(USED_CODES, nonce)) !== null;
    },

    async hasCodesExpiredBefore(expiredBefore) {
      return (await db.find(USED_CODES, { expiresAt: { lt: expiredBefore } }, { limit: 1, fields: ['expiresAt'] })).length > 0;
    },

    async pruneCodes(expiredBefore) {
      const docs = await db.find(USED_CODES, { expiresAt: { lt: expiredBefore } }, { orderBy: [{ field: 'expiresAt', direction: 'asc' }], limit: PRUNE_CODES_BATCH, fields: ['expiresAt'] });
      for (const doc of docs) await session.remove(USED_CODES, doc._id);
      return docs.length;
    },
  };
}
