import type { TDutyView, TCheckOutDutyInput } from '../../../shared/contracts/service';
import { AppError } from '../../../shared/errors';
import { loadEarningRules } from '../../points-ledger/earning-rules';
import { closeDuty } from './close-duty';
import { requireWithin } from './service-guards';
import { toDutyView } from '../../views/service-view';
import type { ActionContext } from '../context';

const RETRY_WINDOW_MS = 2 * 60_000;

/** Ends the caller's duty on the spot and credits whole hours under the daily cap. */
export async function checkOutDuty({ runtime, caller }: ActionContext, input: TCheckOutDutyInput): Promise<TDutyView> {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const duty = await tx.service.findOpenDuty(caller.id);
    if (!duty) {
      // A double tap or a retried call after the first check-out went through answers the same.
      const latest = await tx.service.latestDuty(caller.id);
      if (latest && latest.closedBy === 'member' && latest.checkOutAt !== null && now - latest.checkOutAt <= RETRY_WINDOW_MS) {
        return toDutyView(latest, (await tx.servicePoints.get(latest.servicePointId))?.name ?? '');
      }
      throw new AppError('CONFLICT', '您当前没有进行中的值守');
    }
    const point = await tx.servicePoints.get(duty.servicePointId);
    if (!point) throw new AppError('NOT_FOUND', '服务点已不存在，请联系社区工作人员');
    requireWithin(`「${point.name}」`, point.location, point.radiusM, input.location);
    const closed = await closeDuty(tx, duty, { until: now, by: 'member', maxMinutes: null, pointName: point.name, rules: await loadEarningRules(tx, duty.communityId) });
    if (!closed) throw new AppError('CONFLICT', '这次值守已经签退');
    return toDutyView(closed, point.name);
  });
}
