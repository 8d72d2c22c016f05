import type { TLedgerReport } from '../../shared/contracts/points';
import type { Tx } from '../ports';

type Problem = TLedgerReport['problems'][number];

/**
 * The ledger's invariants: a community's balances sum to zero, every balance equals the replay of
 * its postings, every held amount equals its pending holds, and no member or shop is overdrawn.
 */
export async function verifyLedger(tx: Tx, communityId: string | null, now: number): Promise<TLedgerReport> {
  const audits = await tx.ledger.auditAccounts(communityId);
  const problems: Problem[] = [];
  const sums = new Map<string, number>();
  for (const { account, replayedBalance, pendingHolds } of audits) {
    sums.set(account.communityId, (sums.get(account.communityId) ?? 0) + account.balance);
    const at = { communityId: account.communityId, accountId: account.id };
    if (account.balance !== replayedBalance) problems.push({ ...at, message: `余额 ${account.balance} 与流水重算的 ${replayedBalance} 不一致` });
    if (account.held !== pendingHolds) problems.push({ ...at, message: `冻结 ${account.held} 与未结冻结单合计 ${pendingHolds} 不一致` });
    if (!account.allowNegative && account.balance - account.held < 0) problems.push({ ...at, message: `可用积分为负：余额 ${account.balance}，冻结 ${account.held}` });
  }
  for (const [community, sum] of sums) {
    if (sum !== 0) problems.push({ communityId: community, accountId: null, message: `社区各账户余额合计为 ${sum}，应为 0` });
  }
  return {
    checkedAt: new Date(now).toISOString(),
    communities: sums.size,
    accounts: audits.length,
    postings: await tx.ledger.countPostings(communityId),
    problems,
  };
}
