import type { TAdjustPointsInput } from '../../../shared/contracts/points';
import { AppError } from '../../../shared/errors';
import { loadUser } from '../community-scope';
import { memberAccountId } from '../../points-ledger/accounts';
import { postTransfer, type AccountRef } from '../../points-ledger/post-transfer';
import { enqueueNotification } from '../../notify';
import { loadEarningRules } from '../../points-ledger/earning-rules';
import type { ActionContext } from '../context';

/** An admin's correction, credit or debit, always with a reason and the admin's name on the posting. */
export async function adjustPoints(
  { runtime, caller }: ActionContext,
  input: TAdjustPointsInput,
) {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const member = await loadUser(tx, caller, input.memberId);
    if (!member.roles.includes('member') && !member.roles.includes('volunteer')) throw new AppError('VALIDATION_FAILED', '只能调整党员或志愿者的积分');
    const rules = await loadEarningRules(tx, caller.communityId);
    const size = Math.abs(input.amount);
    if (size > rules.adjustmentLimit) throw new AppError('VALIDATION_FAILED', `单次调整不能超过 ${rules.adjustmentLimit} 分`);
    const issuance: AccountRef = { kind: 'issuance', ownerId: caller.communityId };
    const account: AccountRef = { kind: 'member', ownerId: member.id };
    const credit = input.amount > 0;
    const key = `adjust:${caller.id}:${input.clientToken}`;
    const memo = `${credit ? '管理员补录' : '管理员扣减'}：${input.reason}`;
    const earlier = await tx.ledger.findPostingByKey(key);
    // The reason is part of what was asked: the same token with another reason is another request, not a retry.
    if (earlier && earlier.memo !== memo) throw new AppError('CONFLICT', '这次调整已经提交过，但原因不同；请核对后重新填写提交');
    const retried = earlier !== null;
    const posting = await postTransfer(
      tx,
      {
        idempotencyKey: key,
        communityId: caller.communityId,
        from: credit ? issuance : account,
        to: credit ? account : issuance,
        amount: size,
        kind: credit ? 'adjustment_credit' : 'adjustment_debit',
        ref: member.id,
        memo,
        actorId: caller.id,
      },
      now,
    );
    if (!retried) {
      await enqueueNotification(
        tx,
        { userId: member.id, kind: 'points_adjusted', title: `积分${credit ? '增加' : '扣减'} ${size} 分`, body: `原因：${input.reason}`, requestId: null },
        now,
      );
    }
    const after = await tx.ledger.getAccount(memberAccountId(member.id));
    const balance = after?.balance ?? 0;
    const held = after?.held ?? 0;
    return { postingId: posting.id, balance, held, available: balance - held };
  });
}
