import type { TReceipt, TPlaceOrderInput } from '../../../shared/contracts/points';
import { totalOf } from '../../../shared/domain/supermarket';
import { AppError } from '../../../shared/errors';
import { newId } from '../../ids';
import { placeHold } from '../../points-ledger/holds';
import { enqueueNotification } from '../../notify';
import { payloadHash } from '../../payload-hash';
import { loadEarningRules } from '../../points-ledger/earning-rules';
import { takeLines } from './price-lines';
import { assertSamePayload, reload, toReceipt } from './receipt';
import type { ActionContext } from '../context';
import { ledgerKeys } from '../../points-ledger/earnings';

/** An online order: points are held and stock set aside until the shop scans the pickup code. */
export async function placeOrder(
  { runtime, caller }: ActionContext,
  input: TPlaceOrderInput,
): Promise<TReceipt> {
  const now = runtime.clock.now();
  const key = `order:${caller.id}:${input.clientToken}`;
  const hash = payloadHash(input.shopId, input.lines);
  return runtime.store.transaction(async (tx) => {
    const existing = await tx.redemptions.findByKey(key);
    if (existing) {
      assertSamePayload(existing, hash);
      return toReceipt(tx, runtime, existing, 'member');
    }
    const shop = await tx.shops.get(input.shopId);
    if (!shop || shop.communityId !== caller.communityId) throw new AppError('NOT_FOUND', '没有找到这家店');
    const lines = await takeLines(tx, shop, caller.id, input.lines, now);
    const total = totalOf(lines);
    const rules = await loadEarningRules(tx, caller.communityId);
    const id = newId('o');
    const expiresAt = now + rules.orderPickupHours * 3_600_000;
    const hold = await placeHold(
      tx,
      { idempotencyKey: ledgerKeys.orderHold(id), communityId: caller.communityId, from: { kind: 'member', ownerId: caller.id }, amount: total, ref: id, expiresAt },
      now,
    );
    await tx.redemptions.insert({
      id,
      idempotencyKey: key,
      payloadHash: hash,
      communityId: caller.communityId,
      shopId: shop.id,
      memberId: caller.id,
      staffId: null,
      channel: 'order',
      status: 'pending',
      lines,
      total,
      holdId: hold.id,
      postingId: null,
      refundPostingId: null,
      refundReason: null,
      createdAt: now,
      settledAt: null,
      expiresAt,
      updatedAt: now,
    });
    for (const staff of await tx.shops.listStaff(shop.id)) {
      await enqueueNotification(
        tx,
        { userId: staff.id, kind: 'order_placed', title: '有新的积分兑换订单', body: `${lines.map((line) => `${line.name}×${line.qty}`).join('、')}，共 ${total} 分，待取货`, requestId: null },
        now,
      );
    }
    return toReceipt(tx, runtime, await reload(tx, id), 'member');
  });
}
