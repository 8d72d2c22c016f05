import { chinaMonthStart } from '../../../shared/domain/china-time';
import { remainingThisMonth } from '../../../shared/domain/supermarket';
import { AppError } from '../../../shared/errors';
import type { CatalogItemRecord, RedemptionLine, ShopRecord, Tx } from '../../ports';

/**
 * Checks the chosen items against the shop's shelf and the member's monthly limits, then takes the
 * stock: all inside the caller's transaction, so a failure anywhere takes nothing.
 */
export async function takeLines(
  tx: Tx,
  shop: ShopRecord,
  memberId: string,
  lines: readonly { itemId: string; qty: number }[],
  now: number,
): Promise<RedemptionLine[]> {
  const items: CatalogItemRecord[] = [];
  for (const line of lines) {
    const item = await tx.catalog.get(line.itemId);
    if (!item || item.shopId !== shop.id) throw new AppError('NOT_FOUND', `「${shop.name}」没有这件商品，请刷新后重选`);
    if (!item.onShelf) throw new AppError('CONFLICT', `「${item.name}」已下架`);
    items.push(item);
  }
  const taken = await tx.redemptions.takenSince(memberId, items.map((item) => item.id), chinaMonthStart(now));
  const priced: RedemptionLine[] = [];
  for (const [index, item] of items.entries()) {
    const qty = lines[index].qty;
    const remaining = remainingThisMonth(item.monthlyLimit, taken[item.id] ?? 0);
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
