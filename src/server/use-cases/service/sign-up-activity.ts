import type { TActivityView, TActivityRef } from '../../../shared/contracts/service';
import { AppError } from '../../../shared/errors';
import { loadActivity, requireApprovedMember } from './service-guards';
import { toActivityView } from '../../views/service-view';
import type { ActionContext } from '../context';

/** Takes one of the places, or answers CONFLICT when they are gone; signing up twice is one place. */
export async function signUpActivity({ runtime, caller }: ActionContext, input: TActivityRef): Promise<TActivityView> {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    await requireApprovedMember(tx, caller);
    const activity = await loadActivity(tx, caller, input.activityId);
    const current = await tx.service.getSignup(activity.id, caller.id);
    if (current?.status === 'signed_up') return toActivityView(activity, current);
    if (activity.status !== 'open' || now >= activity.startsAt) throw new AppError('CONFLICT', '活动已经开始，报名已截止');
    if (!(await tx.service.takePlace(activity.id))) throw new AppError('CONFLICT', `活动名额已满（${activity.capacity} 人）`);
    const signup = { activityId: activity.id, memberId: caller.id, status: 'signed_up' as const, signedUpAt: now, checkInAt: null, checkOutAt: null, attendance: null, points: null };
    await tx.service.saveSignup(signup);
    return toActivityView({ ...activity, signedUp: activity.signedUp + 1 }, signup);
  });
}
