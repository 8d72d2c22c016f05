import type Database from 'better-sqlite3';
import { COUNTED_STATUSES, type CatalogItemKind, type RedemptionStatus } from '../../../shared/domain/supermarket';
import type { CatalogItemRecord, CatalogRepo, RedemptionLine, RedemptionRecord, RedemptionRepo } from '../../ports';
import { afterCursor, toPage } from './paging';
import { json, num, numOrNull, str, strOrNull, type Row } from './rows';

const toItem = (row: Row): CatalogItemRecord => ({
  id: str(row.id),
  shopId: str(row.shop_id),
  communityId: str(row.community_id),
  name: str(row.name),
  kind: str(row.kind) as CatalogItemKind,
  description: str(row.description),
  price: num(row.price),
  stock: numOrNull(row.stock),
  monthlyLimit: numOrNull(row.monthly_limit),
  photos: json<string[]>(row.photos),
  onShelf: num(row.on_shelf) === 1,
  createdAt: num(row.created_at),
  updatedAt: num(row.updated_at),
});

export function createCatalogRepo(db: Database.Database): CatalogRepo {
  const byId = db.prepare('SELECT * FROM catalog_items WHERE id = ?');
  const byShop = db.prepare('SELECT * FROM catalog_items WHERE shop_id = ? AND (? = 0 OR on_shelf = 1) ORDER BY created_at, id LIMIT 500');
  const onShelf = db.prepare('SELECT * FROM catalog_items WHERE community_id = ? AND on_shelf = 1 ORDER BY shop_id, created_at, id LIMIT 1000');
  const save = db.prepare(`INSERT INTO catalog_items (id, shop_id, community_id, name, kind, description, price, stock, monthly_limit, photos, on_shelf, created_at, updated_at)
    VALUES (@id, @shopId, @communityId, @name, @kind, @description, @price, @stock, @monthlyLimit, @photos, @onShelf, @createdAt, @updatedAt)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, description = excluded.description, price = excluded.price,
      stock = excluded.stock, monthly_limit = excluded.monthly_limit, photos = excluded.photos, on_shelf = excluded.on_shelf, updated_at = excluded.updated_at`);
  const takeStock = db.prepare('UPDATE catalog_items SET stock = CASE WHEN stock IS NULL THEN NULL ELSE stock - @qty END WHERE id = @id AND (stock IS NULL OR stock >= @qty)');
  const returnStock = db.prepare('UPDATE catalog_items SET stock = stock + ? WHERE id = ? AND stock IS NOT NULL');
  return {
    async get(id) {
      const row = byId.get(id) as Row | undefined;
      return row ? toItem(row) : null;
    },
    async listByShop(shopId, onShelfOnly) {
      return (byShop.all(shopId, onShelfOnly ? 1 : 0) as Row[]).map(toItem);
    },
    async listOnShelfInCommunity(communityId) {
      return (onShelf.all(communityId) as Row[]).map(toItem);
    },
    async save(item) {
      save.run({ ...item, photos: JSON.stringify(item.photos), onShelf: item.onShelf ? 1 : 0 });
    },
    async takeStock(itemId, qty) {
      return takeStock.run({ id: itemId, qty }).changes === 1;
    },
    async returnStock(itemId, qty) {
      returnStock.run(qty, itemId);
    },
  };
}

const toRedemption = (row: Row): RedemptionRecord => ({
  id: str(row.id),
  idempotencyKey: str(row.idempotency_key),
  payloadHash: str(row.payload_hash),
  communityId: str(row.community_id),
  shopId: str(row.shop_id),
  memberId: str(row.member_id),
  staffId: strOrNull(row.staff_id),
  channel: str(row.channel) as RedemptionRecord['channel'],
  status: str(row.status) as RedemptionStatus,
  lines: json<RedemptionLine[]>(row.lines),
  total: num(row.total),
  holdId: strOrNull(row.hold_id),
  postingId: strOrNull(row.posting_id),
  refundPostingId: strOrNull(row.refund_posting_id),
  refundReason: strOrNull(row.refund_reason),
  createdAt: num(row.created_at),
  settledAt: numOrNull(row.settled_at),
  expiresAt: numOrNull(row.expires_at),
  updatedAt: num(row.updated_at),
});

const COLUMNS: Record<keyof RedemptionRecord, string> = {
  id: 'id',
  idempotencyKey: 'idempotency_key',
  payloadHash: 'payload_hash',
  communityId: 'community_id',
  shopId: 'shop_id',
  memberId: 'member_id',
  staffId: 'staff_id',
  channel: 'channel',
  status: 'status',
  lines: 'lines',
  total: 'total',
  holdId: 'hold_id',
  postingId: 'posting_id',
  refundPostingId: 'refund_posting_id',
  refundReason: 'refund_reason',
  createdAt: 'created_at',
  settledAt: 'settled_at',
  expiresAt: 'expires_at',
  updatedAt: 'updated_at',
};

const COUNTED_SQL = COUNTED_STATUSES.map((status) => `'${status}'`).join(', ');

export function createRedemptionRepo(db: Database.Database): RedemptionRepo {
  const insert = db.prepare(`INSERT INTO redemptions (${Object.values(COLUMNS).join(', ')})
    VALUES (${Object.keys(COLUMNS).map((key) => `@${key}`).join(', ')})`);
  const insertLine = db.prepare('INSERT INTO redemption_lines (redemption_id, item_id, member_id, qty, created_at) VALUES (?, ?, ?, ?, ?)');
  const byId = db.prepare('SELECT * FROM redemptions WHERE id = ?');
  const byKey = db.prepare('SELECT * FROM redemptions WHERE idempotency_key = ?');
  const forShopSince = db.prepare('SELECT * FROM redemptions WHERE shop_id = ? AND created_at >= ? ORDER BY created_at DESC, id DESC LIMIT 500');
  const pendingForShop = db.prepare(`SELECT * FROM redemptions WHERE shop_id = ? AND status = 'pending' ORDER BY created_at, id LIMIT 200`);
  const useCode = db.prepare('INSERT OR IGNORE INTO used_codes (nonce, user_id, expires_at, used_at) VALUES (?, ?, ?, ?)');
  const codeUsed = db.prepare('SELECT 1 FROM used_codes WHERE nonce = ?');
  const pruneCodes = db.prepare('DELETE FROM used_codes WHERE expires_at < ?');
  const anyCodeExpired = db.prepare('SELECT 1 FROM used_codes WHERE expires_at < ? LIMIT 1');
  return {
    async insert(redemption) {
      insert.run({ ...redemption, lines: JSON.stringify(redemption.lines) });
      for (const line of redemption.lines) insertLine.run(redemption.id, line.itemId, redemption.memberId, line.qty, redemption.createdAt);
    },
    async get(id) {
      const row = byId.get(id) as Row | undefined;
      return row ? toRedemption(row) : null;
    },
    async findByKey(key) {
      const row = byKey.get(key) as Row | undefined;
      return row ? toRedemption(row) : null;
    },
    async update(id, from, patch) {
      const entries = Object.entries(patch).filter(([key]) => key !== 'id') as [keyof RedemptionRecord, unknown][];
      const sets = entries.map(([key]) => `${COLUMNS[key]} = ?`).join(', ');
      const values = entries.map(([key, value]) => (key === 'lines' ? JSON.stringify(value) : value));
      const result = db
        .prepare(`UPDATE redemptions SET ${sets} WHERE id = ? AND status IN (${from.map(() => '?').join(', ')})`)
        .run(...(values as (string | number | null)[]), id, ...from);
      return result.changes === 1;
    },
    async listForShopSince(shopId, since) {
      return (forShopSince.all(shopId, since) as Row[]).map(toRedemption);
    },
    async listPendingForShop(shopId) {
      return (pendingForShop.all(shopId) as Row[]).map(toRedemption);
    },
    async listForMember(memberId, page) {
      const after = afterCursor(page.cursor);
      const rows = db
        .prepare(`SELECT * FROM redemptions WHERE member_id = ? AND ${after.sql} ORDER BY created_at DESC, id DESC LIMIT ?`)
        .all(memberId, ...after.params, page.limit + 1) as Row[];
      return toPage(rows.map(toRedemption), page, (r) => ({ createdAt: r.createdAt, id: r.id }));
    },
    async takenSince(memberId, itemIds, since) {
      if (itemIds.length === 0) return {};
      const rows = db
        .prepare(
          `SELECT l.item_id, SUM(l.qty) AS qty FROM redemption_lines l JOIN redemptions r ON r.id = l.redemption_id
           WHERE l.member_id = ? AND l.item_id IN (${itemIds.map(() => '?').join(', ')}) AND l.created_at >= ? AND r.status IN (${COUNTED_SQL})
           GROUP BY l.item_id`,
        )
        .all(memberId, ...itemIds, since) as Row[];
      return Object.fromEntries(rows.map((row) => [str(row.item_id), num(row.qty)]));
    },
    async useCode(nonce, userId, expiresAt, usedAt) {
      return useCode.run(nonce, userId, expiresAt, usedAt).changes === 1;
    },
    async isCodeUsed(nonce) {
      return codeUsed.get(nonce) !== undefined;
    },
    async hasCodesExpiredBefore(expiredBefore) {
      return anyCodeExpired.get(expiredBefore) !== undefined;
    },
    async pruneCodes(expiredBefore) {
      return pruneCodes.run(expiredBefore).changes;
    },
  };
}
