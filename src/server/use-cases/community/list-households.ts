import type { TListHouseholdsInput } from '../../../shared/contracts/community';
import { loadBuilding } from '../community-scope';
import { toHouseholdViews } from '../../views/structure-view';
import type { ActionContext } from '../context';

export async function listHouseholds({ runtime, caller }: ActionContext, input: TListHouseholdsInput) {
  return runtime.store.read(async (tx) => {
    if (input.buildingId) await loadBuilding(tx, caller, input.buildingId);
    const page = await tx.communities.listHouseholds(caller.communityId, { buildingId: input.buildingId, keyword: input.keyword }, input);
    return { items: await toHouseholdViews(tx, page.items), nextCursor: page.nextCursor };
  });
}
