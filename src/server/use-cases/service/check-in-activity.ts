import type { TActivityView, TActivityAt } from '../../../shared/contracts/service';
import type { LatLng } from '../../../shared/domain/geo';
import { ACTIVITY_CHECKIN_EARLY_MINUTES, canCheckInToActivity } from '../../../shared/domain/service-rules';
import { AppError } from '../../../shared/errors';
import { loadActivity, requireWithin } from './service-guards';
import { toActivityView } from '../../views/service-view';
import type { ActionContext } from '../context';

const MINUTE = 60_000;

/** Arrival (签到) or departure (签退) at an activity: signed up, on the spot, in its time window. */
export async function checkInActivity(context: ActionContext, input: TActivityAt): Promise<TActivityView> {
  return markPresence(context, input, 'in');
}

export async function checkOutActivity(context: ActionContext, input: TActivityAt): Promise<TActivityView> {
  return markPresence(context, input, 'out');
}

async function markPresence({ runtime, caller }: ActionContext, input: { activityId: string; location: LatLng }, direction: 'in' | 'out'): Promise<TActivityView> {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const activity = await loadActivity(tx, caller, input.activityId);
    const signup = await tx.service.getSignup(activity.id, caller.id);
    if (!signup || signup.status === 'cancelled') throw new AppError('CONFLICT', '您没有报名这个活动，不能签到');
    if (signup.status === 'on_leave') throw new AppError('CONFLICT', '您已请假，无需签到');
    if (activity.status !== 'open') throw new AppError('CONFLICT', '活动已经结束');
    if (direction === 'in') {
      if (signup.checkInAt !== null) return toActivityView(activity, signup);
      if (!canCheckInToActivity(activity, now)) {
        const message = now < activity.startsAt ? `活动开始前 ${ACTIVITY_CHECKIN_EARLY_MINUTES} 分钟才能签到` : '活动已经结束，不能签到';
        throw new AppError('VALIDATION_FAILED', message);
      }
    } else {
      if (signup.checkInAt === null) throw new AppError('CONFLICT', '请先签到');
      if (signup.checkOutAt !== null) return toActivityView(activity, signup);
      // Leaving a little after the end still counts; much later is not a check-out on the spot.
      if (now > activity.endsAt + 60 * MINUTE) throw new AppError('VALIDATION_FAILED', '活动结束已超过 1 小时，不能再签退');
    }
    requireWithin(`活动地点「${activity.place}」`, activity.location, activity.radiusM, input.location);
    const updated = direction === 'in' ? { ...signup, checkInAt: now } : { ...signup, checkOutAt: now };
    await tx.service.saveSignup(updated);
    return toActivityView(activity, updated);
  });
}
