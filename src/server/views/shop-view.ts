import type { z } from 'zod';
import type { zShopView } from '../../shared/contracts/community';
import type { ShopRecord, Tx } from '../ports';

export async function toShopView(tx: Tx, shop: ShopRecord): Promise<z.infer<typeof zShopView>> {
  const staff = await tx.shops.listStaff(shop.id);
  return {
    id: shop.id,
    name: shop.name,
    kind: shop.kind,
    description: shop.description,
    inviteCode: shop.inviteCode,
    staff: staff.map((user) => ({ id: user.id, name: user.name })),
  };
}
