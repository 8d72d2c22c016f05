import type { TActivityRef } from '../../../shared/contracts/service';
import { attendanceOf, ATTENDANCE_LABELS } from '../../../shared/domain/service-rules';
import { AppError } from '../../../shared/errors';
import { earnPoints } from '../../points-ledger/earn-points';
import { enqueueNotification } from '../../notify';
import { loadEarningRules } from '../../points-ledger/earning-rules';
import { buildRoster } from './roster';
import { loadActivity } from './service-guards';
import type { ActionContext } from '../context';
import { activityEarning } from '../../points-ledger/earnings';

/** Closes the activity once: fixes every mark and credits those who came, under the daily activity cap. */
export async function completeActivity({ runtime, caller }: ActionContext, input: TActivityRef) {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const activity = await loadActivity(tx, caller, input.activityId);
    if (activity.status === 'completed') return buildRoster(tx, activity);
    if (now < activity.startsAt) throw new AppError('CONFLICT', '活动还没有开始，不能结束');
    if (!(await tx.service.completeActivity(activity.id, now))) throw new AppError('CONFLICT', '活动状态已变化，请刷新');
    const rules = await loadEarningRules(tx, activity.communityId);
    for (const signup of await tx.service.listSignups(activity.id)) {
      const attendance = attendanceOf(activity, signup);
      if (attendance === null) continue;
      let points = 0;
      if ((attendance === 'normal' || attendance === 'late') && activity.points > 0) {
        const result = await earnPoints(tx, activityEarning(rules, activity, signup.memberId), now);
        points = result.posting?.amount ?? 0;
      }
      await tx.service.saveSignup({ ...signup, attendance, points });
      await enqueueNotification(
        tx,
        { userId: signup.memberId, kind: 'activity_completed', title: `「${activity.title}」已结束`, body: `考勤：${ATTENDANCE_LABELS[attendance]}${points > 0 ? `，获得 ${points} 分` : ''}。`, requestId: null },
        now,
      );
    }
    return buildRoster(tx, { ...activity, status: 'completed', completedAt: now });
  });
}
