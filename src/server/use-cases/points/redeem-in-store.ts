import type { TReceipt, TRedeemInStoreInput } from '../../../shared/contracts/points';
import { totalOf } from '../../../shared/domain/supermarket';
import { newId } from '../../ids';
import { postTransfer } from '../../points-ledger/post-transfer';
import { enqueueNotification } from '../../notify';
import { payloadHash } from '../../payload-hash';
import { takeLines } from './price-lines';
import { assertSamePayload, reload, toReceipt } from './receipt';
import { scannedMember, usedCode } from './scanned-member';
import { requireStaffShop } from './staff-shop';
import type { ActionContext } from '../context';
import { ledgerKeys } from '../../points-ledger/earnings';

/**
 * In-store redemption: burns the member's code, takes the stock and moves the points in one
 * transaction. Any refusal (not enough points, out of stock) rolls all of it back, code included.
 */
export async function redeemInStore(
  { runtime, caller }: ActionContext,
  input: TRedeemInStoreInput,
): Promise<TReceipt> {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const shop = await requireStaffShop(tx, caller, input.shopId);
    const key = `redeem:${shop.id}:${input.clientToken}`;
    const hash = payloadHash(input.code, input.lines);
    const existing = await tx.redemptions.findByKey(key);
    if (existing) {
      assertSamePayload(existing, hash);
      return toReceipt(tx, runtime, existing, 'shop');
    }
    const { member, redeemCode } = await scannedMember(tx, runtime.signingKey, shop, input.code, now);
    if (!(await tx.redemptions.useCode(redeemCode.nonce, member.id, redeemCode.expiresAt, now))) throw usedCode();
    const lines = await takeLines(tx, shop, member.id, input.lines, now);
    const total = totalOf(lines);
    const id = newId('rd');
    const summary = lines.map((line) => `${line.name}×${line.qty}`).join('、');
    const posting = await postTransfer(
      tx,
      {
        idempotencyKey: ledgerKeys.redemption(id),
        communityId: shop.communityId,
        from: { kind: 'member', ownerId: member.id },
        to: { kind: 'shop', ownerId: shop.id },
        amount: total,
        kind: 'redemption',
        ref: id,
        memo: `${shop.name}兑换：${summary}`,
        actorId: caller.id,
      },
      now,
    );
    await tx.redemptions.insert({
      id,
      idempotencyKey: key,
      payloadHash: hash,
      communityId: shop.communityId,
      shopId: shop.id,
      memberId: member.id,
      staffId: caller.id,
      channel: 'in_store',
      status: 'completed',
      lines,
      total,
      holdId: null,
      postingId: posting.id,
      refundPostingId: null,
      refundReason: null,
      createdAt: now,
      settledAt: now,
      expiresAt: null,
      updatedAt: now,
    });
    const receipt = await toReceipt(tx, runtime, await reload(tx, id), 'shop');
    await enqueueNotification(
      tx,
      { userId: member.id, kind: 'points_redeemed', title: `在${shop.name}兑换成功`, body: `${summary}，扣除 ${total} 分，可用积分 ${receipt.memberAvailable} 分`, requestId: null },
      now,
    );
    return receipt;
  });
}
