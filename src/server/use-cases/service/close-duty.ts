import { dutyPoints, type EarningRules } from '../../../shared/domain/points-rules';
import { earnPoints } from '../../points-ledger/earn-points';
import type { DutyRecord, Tx } from '../../ports';

/** Closes an open duty at `until`, crediting whole hours (at most `maxMinutes`) under the daily cap; exactly once. */
export async function closeDuty(
  tx: Tx,
  duty: DutyRecord,
  close: { until: number; by: 'member' | 'auto'; maxMinutes: number | null; pointName: string; rules: EarningRules },
): Promise<DutyRecord | null> {
  const worked = Math.max(0, Math.floor((close.until - duty.checkInAt) / 60_000));
  const minutes = close.maxMinutes === null ? worked : Math.min(worked, close.maxMinutes);
  const earned = dutyPoints(close.rules, minutes);
  let points = 0;
  if (earned > 0) {
    const result = await earnPoints(
      tx,
      { idempotencyKey: `duty:${duty.id}`, communityId: duty.communityId, memberId: duty.memberId, kind: 'duty', amount: earned, ref: duty.id, memo: `${close.pointName}值守 ${Math.floor(minutes / 60)} 小时`, dailyCap: close.rules.dutyDailyCap },
      close.until,
    );
    points = result.posting?.amount ?? 0;
  }
  const patch = { checkOutAt: close.until, closedBy: close.by, minutes, points };
  if (!(await tx.service.closeDuty(duty.id, patch))) return null;
  return { ...duty, ...patch, status: 'closed' };
}
