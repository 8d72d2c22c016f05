import type { TJoinShopInput } from '../../../shared/contracts/community';
import { AppError } from '../../../shared/errors';
import { bindShopStaff } from './bind-shop-staff';
import { requireSameCommunity } from '../community-scope';
import { toShopView } from '../../views/shop-view';
import type { ActionContext } from '../context';

/** Shop staff bind themselves to a shop with the invitation code the admin gave them. */
export async function joinShop({ runtime, caller }: ActionContext, input: TJoinShopInput) {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const shop = await tx.shops.getByInviteCode(input.code.toUpperCase());
    if (!shop) throw new AppError('NOT_FOUND', '邀请码无效或已更换，请向社区管理员索取新的邀请码');
    requireSameCommunity(caller, shop.communityId);
    await bindShopStaff(tx, caller, shop, now);
    const view = await toShopView(tx, shop);
    return { id: view.id, name: view.name, kind: view.kind, description: view.description, staff: view.staff };
  });
}
