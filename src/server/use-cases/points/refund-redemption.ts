import type { TReceipt, TRefundRedemptionInput } from '../../../shared/contracts/points';
import { isRefundable } from '../../../shared/domain/supermarket';
import { AppError } from '../../../shared/errors';
import { postTransfer } from '../../points-ledger/post-transfer';
import { enqueueNotification } from '../../notify';
import { returnLines } from './price-lines';
import { reload, toReceipt } from './receipt';
import { requireStaffShop } from './staff-shop';
import type { ActionContext } from '../context';
import { ledgerKeys } from '../../points-ledger/earnings';

/** Undoes a same-day redemption with a reversing posting (the original stays) and puts the stock back. */
export async function refundRedemption({ runtime, caller }: ActionContext, input: TRefundRedemptionInput): Promise<TReceipt> {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const redemption = await tx.redemptions.get(input.redemptionId);
    if (!redemption) throw new AppError('NOT_FOUND', '没有找到这笔兑换');
    const shop = await requireStaffShop(tx, caller, redemption.shopId);
    if (redemption.status === 'refunded') return toReceipt(tx, runtime, redemption, 'shop');
    if (!isRefundable(redemption.status, redemption.settledAt, now)) throw new AppError('CONFLICT', '只能退还当天已完成的兑换');
    if (!(await tx.redemptions.update(redemption.id, ['completed', 'picked_up'], { status: 'refunded', refundReason: input.reason, updatedAt: now }))) {
      throw new AppError('CONFLICT', '这笔兑换的状态已变化，请刷新');
    }
    const posting = await postTransfer(
      tx,
      {
        idempotencyKey: ledgerKeys.refund(redemption.id),
        communityId: redemption.communityId,
        from: { kind: 'shop', ownerId: shop.id },
        to: { kind: 'member', ownerId: redemption.memberId },
        amount: redemption.total,
        kind: 'refund',
        ref: redemption.id,
        memo: `${shop.name}退还：${input.reason}`,
        actorId: caller.id,
      },
      now,
    );
    await returnLines(tx, redemption.lines);
    await tx.redemptions.update(redemption.id, ['refunded'], { refundPostingId: posting.id });
    const receipt = await toReceipt(tx, runtime, await reload(tx, redemption.id), 'shop');
    await enqueueNotification(
      tx,
      { userId: redemption.memberId, kind: 'points_refunded', title: `${shop.name}退还了 ${redemption.total} 分`, body: `原因：${input.reason}。可用积分 ${receipt.memberAvailable} 分`, requestId: null },
      now,
    );
    return receipt;
  });
}
