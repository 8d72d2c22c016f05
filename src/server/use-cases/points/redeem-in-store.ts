import type { TReceipt, TRedeemInStoreInput } from '../../../shared/contracts/points';
import { totalOf } from '../../../shared/domain/supermarket';
import { newId } from '../../ids';
import { postTransfer } from '../../points-ledger/post-transfer';
import { enqueueNotification } from '../../notify';
import { payloadHash } from '../../payload-hash';
import { readShelf, takeLines } from './price-lines';
import { allInOrder } from '../../all-in-order';
import { accountIdOf, memberAccountId } from '../../points-ledger/accounts';
import { assertSamePayload, reload, toReceipt } from './receipt';
import { memberForShop, readScannedCode, usedCode } from './scanned-member';
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
  const key = `redeem:${caller.id}:${input.clientToken}`;
  const hash = payloadHash(input.code, input.lines);
  const id = newId('rd');
  return runtime.store.transaction(async (tx) => {
    // Everything the till's scan needs is read in one round trip; refusals come in the order a clerk expects.
    const scanned = readScannedCode(tx, runtime.signingKey, input.code, now);
    const [shop, existing] = await allInOrder([requireStaffShop(tx, caller, input.shopId), tx.redemptions.findByKey(key), scanned.catch(() => null)]);
    if (existing) {
      assertSamePayload(existing, hash);
      return toReceipt(tx, runtime, existing, 'shop');
    }
    const code = await scanned;
    const [shelf] = await Promise.all([
      readShelf(tx, code.redeemCode.userId, input.lines, now),
      tx.ledger.getAccount(memberAccountId(code.redeemCode.userId)),
      tx.ledger.getAccount(accountIdOf('shop', shop.id)),
      tx.ledger.findPostingByKey(ledgerKeys.redemption(id)),
    ]);
    const member = memberForShop(code, shop);
    if (!(await tx.redemptions.useCode(code.redeemCode.nonce, member.id, code.redeemCode.expiresAt, now))) throw usedCode();
    const lines = await takeLines(tx, shop, input.lines, shelf);
    const total = totalOf(lines);
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
