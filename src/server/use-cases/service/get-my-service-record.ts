import { chinaMonthStart } from '../../../shared/domain/china-time';
import { toActivityView, toDutyView } from '../../views/service-view';
import type { ActionContext } from '../context';

const RECENT = 30;

/** The member's duties and activities, with hours this month and in total. */
export async function getMyServiceRecord({ runtime, caller }: ActionContext) {
  const now = runtime.clock.now();
  return runtime.store.read(async (tx) => {
    const duties = await tx.service.listDutiesForMember(caller.id, RECENT);
    const names = new Map((await tx.servicePoints.listByCommunity(caller.communityId)).map((point) => [point.id, point.name]));
    const signups = await tx.service.listSignupsForMember(caller.id, RECENT);
    const activities = [];
    for (const signup of signups) {
      const activity = await tx.service.getActivity(signup.activityId);
      if (activity) activities.push(toActivityView(activity, signup));
    }
    const open = await tx.service.findOpenDuty(caller.id);
    return {
      openDuty: open ? toDutyView(open, names.get(open.servicePointId) ?? '') : null,
      dutyMinutesThisMonth: await tx.service.dutyMinutesSince(caller.id, chinaMonthStart(now)),
      dutyMinutesTotal: await tx.service.dutyMinutesSince(caller.id, 0),
      duties: duties.map((duty) => toDutyView(duty, names.get(duty.servicePointId) ?? '')),
      activities,
    };
  });
}
