import type { EarningRules } from '../../../shared/domain/points-rules';
import { earnPoints } from '../../points-ledger/earn-points';
import { dutyEarning } from '../../points-ledger/earnings';
import type { DutyRecord, Tx } from '../../ports';

/** Closes an open duty at `until`, crediting whole hours (at most `maxMinutes`) under the daily cap; exactly once. */
export async function closeDuty(
  tx: Tx,
  duty: DutyRecord,
  close: { until: number; by: 'member' | 'auto'; maxMinutes: number | null; pointName: string; rules: EarningRules },
): Promise<DutyRecord | null> {
  const worked = Math.max(0, Math.floor((close.until - duty.checkInAt) / 60_000));
  const minutes = close.maxMinutes === null ? worked : Math.min(worked, close.maxMinutes);
  const earning = dutyEarning(close.rules, duty, minutes, close.pointName);
  let points = 0;
  if (earning.amount > 0) {
    const result = await earnPoints(tx, earning, close.until);
    points = result.posting?.amount ?? 0;
  }
  const patch = { checkOutAt: close.until, closedBy: close.by, minutes, points };
  if (!(await tx.service.closeDuty(duty.id, patch))) return null;
  return { ...duty, ...patch, status: 'closed' };
}
