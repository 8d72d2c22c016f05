import { AppError } from '../../../shared/errors';
import type { Caller, ShopRecord, Tx } from '../../ports';

/** The shop a staff member acts for: the one named, which must be theirs, or their only (first) shop. */
export async function requireStaffShop(tx: Tx, caller: Caller, shopId?: string): Promise<ShopRecord> {
  const shops = await tx.shops.listShopsOfStaff(caller.id);
  const shop = shopId ? shops.find((candidate) => candidate.id === shopId) : shops[0];
  if (!shop) throw new AppError('FORBIDDEN', shopId ? '您不是这家店的店员' : '您还没有绑定店铺，请向社区索取店员邀请码');
  return shop;
}
