import type { TReceipt } from '../../../shared/contracts/points';
import { AppError } from '../../../shared/errors';
import { memberAccountId } from '../../points-ledger/accounts';
import type { RedemptionRecord, Runtime, Tx } from '../../ports';
import { toRedemptionView } from '../../views/redemption-view';

export async function toReceipt(tx: Tx, runtime: Runtime, redemption: RedemptionRecord, perspective: 'member' | 'shop'): Promise<TReceipt> {
  const account = await tx.ledger.getAccount(memberAccountId(redemption.memberId));
  return {
    redemption: await toRedemptionView(tx, runtime, redemption, perspective),
    memberAvailable: account ? account.balance - account.held : 0,
  };
}

/** Re-reads a redemption the same transaction just wrote. */
export async function reload(tx: Tx, id: string): Promise<RedemptionRecord> {
  const redemption = await tx.redemptions.get(id);
  if (!redemption) throw new AppError('INTERNAL', '读取兑换记录失败');
  return redemption;
}

/** A retried call with the same token: the first result, unless the call asked for something else. */
export function assertSamePayload(existing: RedemptionRecord, hash: string): void {
  if (existing.payloadHash !== hash) throw new AppError('CONFLICT', '这次提交与之前的内容不同，请刷新后重新操作');
}
