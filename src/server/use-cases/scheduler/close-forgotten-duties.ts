import { closingTimeOn } from '../../../shared/domain/service-rules';
import { enqueueNotification } from '../../notify';
import type { Runtime } from '../../ports';
import { loadEarningRules } from '../../points-ledger/earning-rules';
import { closeDuty } from '../service/close-duty';
import { mapLimit } from '../../../shared/map-limit';
import { JOB_PARALLELISM, UNLIMITED, type TickBudget } from './tick-budget';

const BATCH = 200;

/** Scheduler: a duty nobody checked out of ends at its point's closing time, credited at most the configured hours. */
export async function closeForgottenDuties(runtime: Runtime, budget: TickBudget = UNLIMITED): Promise<{ closed: number }> {
  const now = runtime.clock.now();
  const open = await runtime.store.read((tx) => tx.service.listOpenDuties(null, BATCH));
  // Most open duties are people still on duty: their points' closing times are read once, together,
  // and only a duty past its closing time costs a transaction.
  const points = new Map(
    (await runtime.store.read((tx) => Promise.all([...new Set(open.map((duty) => duty.servicePointId))].map((id) => tx.servicePoints.get(id))))).flatMap((point) =>
      point ? [[point.id, point] as const] : [],
    ),
  );
  const overdue = open.filter((duty) => {
    const point = points.get(duty.servicePointId);
    return point !== undefined && now >= closingTimeOn(point.openingHours, duty.checkInAt);
  });
  const done = await mapLimit(overdue, JOB_PARALLELISM, (duty) => {
    if (!budget.hasTime()) return Promise.resolve(false);
    return runtime.store.transaction(async (tx) => {
      const point = await tx.servicePoints.get(duty.servicePointId);
      if (!point) return false;
      const closing = closingTimeOn(point.openingHours, duty.checkInAt);
      if (now < closing) return false;
      const rules = await loadEarningRules(tx, duty.communityId);
      const result = await closeDuty(tx, duty, { until: closing, by: 'auto', maxMinutes: rules.autoCheckoutMaxHours * 60, pointName: point.name, rules });
      if (!result) return false;
      await enqueueNotification(
        tx,
        {
          userId: duty.memberId,
          kind: 'duty_auto_closed',
          title: `「${point.name}」值守已自动签退`,
          body: `您忘记签退，已按闭馆时间 ${point.openingHours.close} 自动签退，记 ${Math.floor((result.minutes ?? 0) / 60)} 小时、${result.points ?? 0} 分。`,
          requestId: null,
        },
        now,
      );
      return true;
    });
  });
  return { closed: done.filter(Boolean).length };
}
