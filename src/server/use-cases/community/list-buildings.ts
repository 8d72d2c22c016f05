import type { TListBuildingsInput } from '../../../shared/contracts/community';
import { loadGrid } from '../community-scope';
import { toBuildingView } from '../../views/structure-view';
import type { ActionContext } from '../context';

export async function listBuildings({ runtime, caller }: ActionContext, input: TListBuildingsInput) {
  return runtime.store.read(async (tx) => {
    if (input.gridId) await loadGrid(tx, caller, input.gridId);
    const buildings = await tx.communities.listBuildings(caller.communityId, input.gridId ?? null);
    const gridNames = new Map((await tx.communities.listGrids(caller.communityId)).map((grid) => [grid.id, grid.name]));
    const counts = await tx.communities.counts(caller.communityId);
    return { items: buildings.map((building) => toBuildingView(building, gridNames, counts)) };
  });
}
