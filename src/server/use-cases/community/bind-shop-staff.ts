import { enqueueNotification } from '../../notify';
import type { ShopRecord, Tx, UserRecord } from '../../ports';
import { withRole } from '../community-scope';

/** Adds the user to the shop's staff and gives them the shop-staff role; repeating it changes nothing. */
export async function bindShopStaff(tx: Tx, user: UserRecord, shop: ShopRecord, at: number): Promise<void> {
  const alreadyStaff = (await tx.shops.listStaff(shop.id)).some((staff) => staff.id === user.id);
  if (alreadyStaff) return;
  await tx.shops.addStaff(shop.id, user.id, at);
  await tx.users.update(user.id, { roles: withRole(user.roles, 'shop_staff') });
  await enqueueNotification(tx, { userId: user.id, kind: 'shop_joined', title: `您已成为「${shop.name}」的店员`, body: '可以在首页进入积分超市核销。', requestId: null }, at);
}
