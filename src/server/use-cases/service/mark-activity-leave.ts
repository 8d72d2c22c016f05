import type { TMarkActivityLeaveInput } from '../../../shared/contracts/service';
import { AppError } from '../../../shared/errors';
import { buildRoster } from './roster';
import { loadActivity } from './service-guards';
import type { ActionContext } from '../context';

/** The admin excuses a signed-up member (请假): not absent, no points, the place stays taken. */
export async function markActivityLeave({ runtime, caller }: ActionContext, input: TMarkActivityLeaveInput) {
  return runtime.store.transaction(async (tx) => {
    const activity = await loadActivity(tx, caller, input.activityId);
    if (activity.status !== 'open') throw new AppError('CONFLICT', '活动已结束，考勤已确定');
    const signup = await tx.service.getSignup(activity.id, input.memberId);
    if (!signup || signup.status === 'cancelled') throw new AppError('NOT_FOUND', '这位成员没有报名这个活动');
    if (signup.checkInAt !== null) throw new AppError('CONFLICT', '这位成员已经签到，不能请假');
    await tx.service.saveSignup({ ...signup, status: 'on_leave' });
    return buildRoster(tx, activity);
  });
}
