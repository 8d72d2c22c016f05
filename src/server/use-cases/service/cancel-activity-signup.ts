import type { TActivityView, TActivityRef } from '../../../shared/contracts/service';
import { AppError } from '../../../shared/errors';
import { loadActivity } from './service-guards';
import { toActivityView } from '../../views/service-view';
import type { ActionContext } from '../context';

/** Gives the place back before the start; afterwards only the admin can excuse (请假). */
export async function cancelActivitySignUp({ runtime, caller }: ActionContext, input: TActivityRef): Promise<TActivityView> {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const activity = await loadActivity(tx, caller, input.activityId);
    const current = await tx.service.getSignup(activity.id, caller.id);
    if (!current) throw new AppError('NOT_FOUND', '您没有报名这个活动');
    if (current.status === 'cancelled') return toActivityView(activity, current);
    if (current.status !== 'signed_up') throw new AppError('CONFLICT', '您已请假，无需取消');
    if (now >= activity.startsAt) throw new AppError('CONFLICT', '活动已经开始，不能取消报名；不能参加请联系社区请假');
    const cancelled = { ...current, status: 'cancelled' as const };
    await tx.service.saveSignup(cancelled);
    await tx.service.releasePlace(activity.id);
    return toActivityView({ ...activity, signedUp: activity.signedUp - 1 }, cancelled);
  });
}
