import type { TPageInput } from '../../../shared/contracts/common';
import { parseAccountId } from '../../points-ledger/accounts';
import type { ActionContext } from '../context';

/** The audit trail of admin adjustments: who moved how much, for whom, and why. */
export async function listAdjustments({ runtime, caller }: ActionContext, input: TPageInput) {
  return runtime.store.read(async (tx) => {
    const page = await tx.ledger.listPostingsOfKinds(caller.communityId, ['adjustment_credit', 'adjustment_debit'], input);
    const memberOf = (posting: (typeof page.items)[number]) => parseAccountId(posting.kind === 'adjustment_credit' ? posting.creditAccountId : posting.debitAccountId).ownerId;
    const ids = new Set(page.items.flatMap((posting) => [memberOf(posting), posting.actorId ?? '']));
    const names = new Map((await tx.users.listByIds([...ids].filter(Boolean))).map((user) => [user.id, user.name]));
    return {
      items: page.items.map((posting) => ({
        id: posting.id,
        at: new Date(posting.createdAt).toISOString(),
        memberId: memberOf(posting),
        memberName: names.get(memberOf(posting)) ?? '',
        amount: posting.kind === 'adjustment_credit' ? posting.amount : -posting.amount,
        reason: posting.memo.replace(/^管理员(补录|扣减)：/, ''),
        actorName: names.get(posting.actorId ?? '') ?? '',
      })),
      nextCursor: page.nextCursor,
    };
  });
}
