import type { TReceipt, TPlaceOrderInput } from '../../../shared/contracts/points';
import { totalOf } from '../../../shared/domain/supermarket';
import { AppError } from '../../../shared/errors';
import { newId } from '../../ids';
import { placeHold } from '../../points-ledger/holds';
import { enqueueNotification } from '../../notify';
import { payloadHash } from '../../payload-hash';
import { loadEarningRules } from '../../points-ledger/earning-rules';
import { readShelf, takeLines } from './price-lines';
import { memberAccountId } from '../../points-ledger/accounts';
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
  const id = newId('o');
  return runtime.store.transaction(async (tx) => {
    // One round trip reads the retry key, the shop and its staff, the shelf, the rules and the member's account.
    const [existing, shop, shelf, rules, staff] = await Promise.all([
      tx.redemptions.findByKey(key),
      tx.shops.get(input.shopId),
      readShelf(tx, caller.id, input.lines, now),
      loadEarningRules(tx, caller.communityId),
      tx.shops.listStaff(input.shopId),
      tx.ledger.getAccount(memberAccountId(caller.id)),
      tx.ledger.findHoldByKey(ledgerKeys.orderHold(id)),
    ]);
    if (existing) {
      assertSamePayload(existing, hash);
      return toReceipt(tx, runtime, existing, 'member');
    }
    if (!shop || shop.communityId !== caller.communityId) throw new AppError('NOT_FOUND', '没有找到这家店');
    const lines = await takeLines(tx, shop, input.lines, shelf);
    const total = totalOf(lines);
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
    for (const person of staff) {
      await enqueueNotification(
        tx,
        { userId: person.id, kind: 'order_placed', title: '有新的积分兑换订单', body: `${lines.map((line) => `${line.name}×${line.qty}`).join('、')}，共 ${total} 分，待取货`, requestId: null },
        now,
      );
    }
    return toReceipt(tx, runtime, await reload(tx, id), 'member');
  });
}
