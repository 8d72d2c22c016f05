import type { TCreateBuildingInput } from '../../../shared/contracts/community';
import { AppError } from '../../../shared/errors';
import { loadGrid } from '../community-scope';
import { newId } from '../../ids';
import { toBuildingView } from '../../views/structure-view';
import type { ActionContext } from '../context';

export async function createBuilding({ runtime, caller }: ActionContext, input: TCreateBuildingInput) {
  return runtime.store.transaction(async (tx) => {
    const grid = await loadGrid(tx, caller, input.gridId);
    const existing = await tx.communities.listBuildings(caller.communityId, null);
    if (existing.some((building) => building.name === input.name)) throw new AppError('CONFLICT', `已有名为「${input.name}」的楼栋`);
    const building = { id: newId('b'), communityId: caller.communityId, gridId: grid.id, name: input.name };
    await tx.communities.insertBuilding(building);
    return toBuildingView(building, new Map([[grid.id, grid.name]]), await tx.communities.counts(caller.communityId));
  });
}
