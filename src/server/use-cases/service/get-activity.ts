import type { TActivityRef } from '../../../shared/contracts/service';
import { loadActivity } from './service-guards';
import { toActivityView } from '../../views/service-view';
import type { ActionContext } from '../context';

export async function getActivity({ runtime, caller }: ActionContext, input: TActivityRef) {
  return runtime.store.read(async (tx) => {
    const activity = await loadActivity(tx, caller, input.activityId);
    return toActivityView(activity, await tx.service.getSignup(activity.id, caller.id));
  });
}
