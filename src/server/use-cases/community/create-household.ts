import type { TCreateHouseholdInput } from '../../../shared/contracts/community';
import { AppError } from '../../../shared/errors';
import { loadBuilding } from '../community-scope';
import { newId } from '../../ids';
import { toHouseholdViews } from '../../views/structure-view';
import type { ActionContext } from '../context';

export async function createHousehold({ runtime, caller }: ActionContext, input: TCreateHouseholdInput) {
  return runtime.store.transaction(async (tx) => {
    const building = await loadBuilding(tx, caller, input.buildingId);
    const address = `${building.name} ${input.door}`;
    if (await tx.communities.findHousehold(building.id, address)) throw new AppError('CONFLICT', `「${address}」已经登记过了`);
    const household = { id: newId('h'), communityId: caller.communityId, gridId: building.gridId, buildingId: building.id, address };
    await tx.communities.insertHousehold(household);
    const [view] = await toHouseholdViews(tx, [household]);
    return view;
  });
}
