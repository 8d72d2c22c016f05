import { chinaDayStart } from '../../shared/domain/china-time';
import type { PostingKind } from '../../shared/domain/posting-kinds';
import { withinDailyCap } from '../../shared/domain/points-rules';
import type { PostingRecord, Tx } from '../ports';
import { memberAccountId } from './accounts';
import { postTransfer, type Transfer } from './post-transfer';

export interface Earning {
  idempotencyKey: string;
  communityId: string;
  memberId: string;
  kind: PostingKind;
  amount: number;
  ref: string | null;
  memo: string;
  /** At most this many points of this kind per China calendar day; omit for no cap. */
  dailyCap?: number;
}

export interface EarningResult {
  posting: PostingRecord | null;
  /** Points not credited because of the daily cap. */
  cappedBy: number;
}

/** Credits a member from the community's issuance, under the daily cap; retries credit once. */
export async function earnPoints(tx: Tx, earning: Earning, at: number): Promise<EarningResult> {
  const existing = await tx.ledger.findPostingByKey(earning.idempotencyKey);
  if (existing) return { posting: existing, cappedBy: Math.max(0, earning.amount - existing.amount) };
  let amount = earning.amount;
  if (earning.dailyCap !== undefined) {
    const earnedToday = await tx.ledger.sumCredited(memberAccountId(earning.memberId), [earning.kind], chinaDayStart(at));
    amount = withinDailyCap(earning.amount, earnedToday, earning.dailyCap);
  }
  if (amount <= 0) return { posting: null, cappedBy: earning.amount };
  const posting = await postTransfer(tx, earningTransfer(earning, amount), at);
  return { posting, cappedBy: earning.amount - amount };
}

/** An earning as the transfer it posts: issuance → member, noting when the daily cap cut it to `amount`. */
export function earningTransfer(earning: Earning, amount: number): Transfer {
  return {
    idempotencyKey: earning.idempotencyKey,
    communityId: earning.communityId,
    from: { kind: 'issuance', ownerId: earning.communityId },
    to: { kind: 'member', ownerId: earning.memberId },
    amount,
    kind: earning.kind,
    ref: earning.ref,
    memo: amount < earning.amount ? `${earning.memo}（已达每日上限，记 ${amount} 分）` : earning.memo,
  };
}
