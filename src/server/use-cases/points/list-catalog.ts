import { chinaMonthStart } from '../../../shared/domain/china-time';
import { memberAccountId } from '../../points-ledger/accounts';
import { toCatalogItemView } from '../../views/catalog-view';
import type { ActionContext } from '../context';

/** Everything on the shelves of the caller's community, by shop, with what the caller may still take this month. */
export async function listCatalog({ runtime, caller }: ActionContext) {
  const now = runtime.clock.now();
  return runtime.store.read(async (tx) => {
    const [shops, items, account] = await Promise.all([
      tx.shops.listByCommunity(caller.communityId),
      tx.catalog.listOnShelfInCommunity(caller.communityId),
      tx.ledger.getAccount(memberAccountId(caller.id)),
    ]);
    const taken = await tx.redemptions.takenSince(caller.id, items.map((item) => item.id), chinaMonthStart(now));
    return {
      shops: shops
        .map((shop) => ({
          id: shop.id,
          name: shop.name,
          kind: shop.kind,
          items: items.filter((item) => item.shopId === shop.id).map((item) => toCatalogItemView(item, shop.name, runtime.files, taken[item.id] ?? 0)),
        }))
        .filter((shop) => shop.items.length > 0),
      available: account ? account.balance - account.held : 0,
    };
  });
}
