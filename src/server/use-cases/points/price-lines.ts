import { chinaMonthStart } from '../../../shared/domain/china-time';
import { remainingThisMonth } from '../../../shared/domain/supermarket';
import { AppError } from '../../../shared/errors';
import type { CatalogItemRecord, RedemptionLine, ShopRecord, Tx } from '../../ports';

type ChosenLine = { itemId: string; qty: number };

/** The chosen items and what the member already took of each this month, read together. */
export interface Shelf {
  items: (CatalogItemRecord | null)[];
  taken: Record<string, number>;
}

export async function readShelf(tx: Tx, memberId: string, lines: readonly ChosenLine[], now: number): Promise<Shelf> {
  const [items, taken] = await Promise.all([
    Promise.all(lines.map((line) => tx.catalog.get(line.itemId))),
    tx.redemptions.takenSince(memberId, [...new Set(lines.map((line) => line.itemId))], chinaMonthStart(now)),
  ]);
  return { items, taken };
}

/**
 * Checks the chosen items against the shop's shelf and the member's monthly limits, then takes the
 * stock: all inside the caller's transaction, so a failure anywhere takes nothing.
 */
export async function takeLines(tx: Tx, shop: ShopRecord, lines: readonly ChosenLine[], shelf: Shelf): Promise<RedemptionLine[]> {
  const items = shelf.items.map((item) => {
    if (!item || item.shopId !== shop.id) throw new AppError('NOT_FOUND', `「${shop.name}」没有这件商品，请刷新后重选`);
    if (!item.onShelf) throw new AppError('CONFLICT', `「${item.name}」已下架`);
    return item;
  });
  const priced: RedemptionLine[] = [];
  for (const [index, item] of items.entries()) {
    const qty = lines[index].qty;
    const remaining = remainingThisMonth(item.monthlyLimit, shelf.taken[item.id] ?? 0);
    if (remaining !== null && qty > remaining) {
      throw new AppError('CONFLICT', `「${item.name}」每人每月限兑 ${item.monthlyLimit} 件，本月还可兑 ${remaining} 件`);
    }
    if (!(await tx.catalog.takeStock(item.id, qty))) {
      throw new AppError('OUT_OF_STOCK', `「${item.name}」库存不足，还剩 ${item.stock ?? 0} 件`);
    }
    priced.push({ itemId: item.id, name: item.name, price: item.price, qty });
  }
  return priced;
}

export async function returnLines(tx: Tx, lines: readonly RedemptionLine[]): Promise<void> {
  for (const line of lines) await tx.catalog.returnStock(line.itemId, line.qty);
}
