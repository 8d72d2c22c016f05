import { toShopView } from '../../views/shop-view';
import type { ActionContext } from '../context';

export async function listShops({ runtime, caller }: ActionContext) {
  return runtime.store.read(async (tx) => {
    const items = [];
    for (const shop of await tx.shops.listByCommunity(caller.communityId)) items.push(await toShopView(tx, shop));
    return { items };
  });
}
