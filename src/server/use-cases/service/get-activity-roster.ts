import type { TActivityRef } from '../../../shared/contracts/service';
import { buildRoster } from './roster';
import { loadActivity } from './service-guards';
import type { ActionContext } from '../context';

export async function getActivityRoster({ runtime, caller }: ActionContext, input: TActivityRef) {
  return runtime.store.read(async (tx) => buildRoster(tx, await loadActivity(tx, caller, input.activityId)));
}
