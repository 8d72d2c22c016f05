import type { TShopRef } from '../../../shared/contracts/points';
import { chinaDayStart } from '../../../shared/domain/china-time';
import { requireStaffShop } from './staff-shop';
import { toRedemptionView } from '../../views/redemption-view';
import type { ActionContext } from '../context';

/** The till's day: today's redemptions and pickups, and orders still waiting to be picked up. */
export async function listShopRedemptions({ runtime, caller }: ActionContext, input: TShopRef) {
  const now = runtime.clock.now();
  return runtime.store.read(async (tx) => {
    const shop = await requireStaffShop(tx, caller, input.shopId);
    const today = await tx.redemptions.listForShopSince(shop.id, chinaDayStart(now));
    const pending = await tx.redemptions.listPendingForShop(shop.id);
    const view = async (list: typeof today) => {
      const out = [];
      for (const redemption of list) out.push(await toRedemptionView(tx, runtime, redemption, 'shop'));
      return out;
    };
    const settledToday = today.filter((redemption) => redemption.status === 'completed' || redemption.status === 'picked_up');
    return {
      shop: { id: shop.id, name: shop.name, kind: shop.kind },
      today: await view(today.filter((redemption) => redemption.status !== 'pending')),
      pendingOrders: await view(pending),
      todayTotal: settledToday.reduce((sum, redemption) => sum + redemption.total, 0),
    };
  });
}
