import { closingTimeOn } from '../../../shared/domain/service-rules';
import { enqueueNotification } from '../../notify';
import type { Runtime } from '../../ports';
import { loadEarningRules } from '../../points-ledger/earning-rules';
import { closeDuty } from '../service/close-duty';

const BATCH = 200;

/** Scheduler: a duty nobody checked out of ends at its point's closing time, credited at most the configured hours. */
export async function closeForgottenDuties(runtime: Runtime): Promise<{ closed: number }> {
  const now = runtime.clock.now();
  const open = await runtime.store.read((tx) => tx.service.listOpenDuties(null, BATCH));
  let closed = 0;
  for (const duty of open) {
    const done = await runtime.store.transaction(async (tx) => {
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
    if (done) closed++;
  }
  return { closed };
}
