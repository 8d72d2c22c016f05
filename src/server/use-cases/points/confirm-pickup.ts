import type { TReceipt, TConfirmPickupInput } from '../../../shared/contracts/points';
import { REDEMPTION_STATUS_LABELS } from '../../../shared/domain/supermarket';
import { AppError } from '../../../shared/errors';
import { confirmHold } from '../../points-ledger/holds';
import { enqueueNotification } from '../../notify';
import { reload, toReceipt } from './receipt';
import { readPickupCode } from '../../codes/signed-codes';
import { requireStaffShop } from './staff-shop';
import type { ActionContext } from '../context';

/** The shop scans an order's pickup code: the held points move to the shop, once. */
export async function confirmPickup({ runtime, caller }: ActionContext, input: TConfirmPickupInput): Promise<TReceipt> {
  const now = runtime.clock.now();
  const orderId = readPickupCode(runtime.signingKey, input.code);
  return runtime.store.transaction(async (tx) => {
    const shop = await requireStaffShop(tx, caller, input.shopId);
    const order = await tx.redemptions.get(orderId);
    if (!order || order.channel !== 'order') throw new AppError('NOT_FOUND', '没有找到这个订单');
    if (order.shopId !== shop.id) throw new AppError('FORBIDDEN', '这不是本店的订单');
    if (order.status === 'picked_up') return toReceipt(tx, runtime, order, 'shop');
    if (order.status !== 'pending') throw new AppError('CONFLICT', `订单${REDEMPTION_STATUS_LABELS[order.status]}，不能取货`);
    if (order.expiresAt !== null && now > order.expiresAt) throw new AppError('CONFLICT', '订单已过取货时间，积分将自动退回，请对方重新下单');
    if (!order.holdId || !(await tx.redemptions.update(order.id, ['pending'], { status: 'picked_up', staffId: caller.id, settledAt: now, updatedAt: now }))) {
      throw new AppError('CONFLICT', '订单状态已变化，请刷新');
    }
    const summary = order.lines.map((line) => `${line.name}×${line.qty}`).join('、');
    const posting = await confirmHold(tx, order.holdId, { to: { kind: 'shop', ownerId: shop.id }, kind: 'order_pickup', memo: `${shop.name}取货：${summary}`, actorId: caller.id }, now);
    await tx.redemptions.update(order.id, ['picked_up'], { postingId: posting.id });
    const receipt = await toReceipt(tx, runtime, await reload(tx, order.id), 'shop');
    await enqueueNotification(
      tx,
      { userId: order.memberId, kind: 'order_picked_up', title: `已在${shop.name}取货`, body: `${summary}，扣除 ${order.total} 分，可用积分 ${receipt.memberAvailable} 分`, requestId: null },
      now,
    );
    return receipt;
  });
}
