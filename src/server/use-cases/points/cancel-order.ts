import type { TRedemptionView, TCancelOrderInput } from '../../../shared/contracts/points';
import { REDEMPTION_STATUS_LABELS } from '../../../shared/domain/supermarket';
import { AppError } from '../../../shared/errors';
import { releaseOrder } from './release-order';
import { reload } from './receipt';
import { toRedemptionView } from '../../views/redemption-view';
import type { ActionContext } from '../context';

export async function cancelOrder({ runtime, caller }: ActionContext, input: TCancelOrderInput): Promise<TRedemptionView> {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const order = await tx.redemptions.get(input.orderId);
    if (!order || order.memberId !== caller.id || order.channel !== 'order') throw new AppError('NOT_FOUND', '没有找到这个订单');
    if (order.status !== 'cancelled') {
      if (order.status !== 'pending') throw new AppError('CONFLICT', `订单${REDEMPTION_STATUS_LABELS[order.status]}，不能取消`);
      await releaseOrder(tx, order, 'cancelled', now);
    }
    return toRedemptionView(tx, runtime, await reload(tx, order.id), 'member');
  });
}
