import type { TListActivitiesInput } from '../../../shared/contracts/service';
import { toActivityView } from '../../views/service-view';
import type { ActionContext } from '../context';

const LIMIT = 50;

export async function listActivities({ runtime, caller }: ActionContext, input: TListActivitiesInput) {
  const now = runtime.clock.now();
  return runtime.store.read(async (tx) => {
    const activities = await tx.service.listActivities(caller.communityId, input.scope, now, LIMIT);
    const items = [];
    for (const activity of activities) items.push(toActivityView(activity, await tx.service.getSignup(activity.id, caller.id)));
    return { items };
  });
}
