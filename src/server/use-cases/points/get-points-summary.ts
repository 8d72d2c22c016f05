import type { TGetPointsSummaryInput } from '../../../shared/contracts/points';
import { chinaMonthStart } from '../../../shared/domain/china-time';
import { totalsByKind } from '../../../shared/domain/posting-kinds';
import type { ActionContext } from '../context';

const LEADERBOARD_SIZE = 20;

/** Issued, redeemed and refunded in the period; outstanding and held right now; who earned most. */
export async function getPointsSummary({ runtime, caller }: ActionContext, input: TGetPointsSummaryInput) {
  const since = input.period === 'month' ? chinaMonthStart(runtime.clock.now()) : 0;
  return runtime.store.read(async (tx) => {
    const totals = totalsByKind(await tx.ledger.sumByKind(caller.communityId, since));
    const members = await tx.ledger.sumAccounts(caller.communityId, 'member');
    const leaders = await tx.ledger.leaderboard(caller.communityId, since, LEADERBOARD_SIZE);
    const names = new Map((await tx.users.listByIds(leaders.map((leader) => leader.memberId))).map((user) => [user.id, user.name]));
    return {
      ...totals,
      outstanding: members.balance,
      held: members.held,
      leaderboard: leaders.map((leader) => ({ ...leader, name: names.get(leader.memberId) ?? '' })),
    };
  });
}
