import type { TShopRef } from '../../../shared/contracts/points';
import { requireStaffShop } from './staff-shop';
import { toCatalogItemView } from '../../views/catalog-view';
import type { ActionContext } from '../context';

export async function listShopItems({ runtime, caller }: ActionContext, input: TShopRef) {
  return runtime.store.read(async (tx) => {
    const shop = await requireStaffShop(tx, caller, input.shopId);
    const items = await tx.catalog.listByShop(shop.id, false);
    return { shop: { id: shop.id, name: shop.name, kind: shop.kind }, items: items.map((item) => toCatalogItemView(item, shop.name, runtime.files)) };
  });
}
