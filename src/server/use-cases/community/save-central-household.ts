import type { TSaveCentralHouseholdInput } from '../../../shared/contracts/community';
import { AppError } from '../../../shared/errors';
import { loadApprovedMember, loadGrid, loadHousehold, requireSameCommunity } from '../community-scope';
import { newId } from '../../ids';
import type { CentralHouseholdRecord } from '../../ports';
import { toCentralHouseholdView } from '../../views/structure-view';
import type { ActionContext } from '../context';

/** Creates or edits a party-member central household (党员中心户) and the 5–10 members it links; outside that range it warns. */
export async function saveCentralHousehold({ runtime, caller }: ActionContext, input: TSaveCentralHouseholdInput) {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const existing = input.id ? await tx.communities.getCentralHousehold(input.id) : null;
    if (input.id && !existing) throw new AppError('NOT_FOUND', '没有找到该党员中心户');
    if (existing) requireSameCommunity(caller, existing.communityId);
    const grid = await loadGrid(tx, caller, input.gridId);
    if (input.householdId) await loadHousehold(tx, caller, input.householdId);

    const memberIds = [...new Set(input.memberIds)];
    for (const memberId of memberIds) await loadApprovedMember(tx, caller, memberId);
    const linkedElsewhere = Object.entries(await tx.communities.centralHouseholdsOf(memberIds)).filter(([, centralId]) => centralId !== existing?.id);
    if (linkedElsewhere.length > 0) {
      const names = (await tx.users.listByIds(linkedElsewhere.map(([memberId]) => memberId))).map((user) => user.name);
      throw new AppError('CONFLICT', `${names.join('、')} 已由其他党员中心户联系，请先从那里移除`);
    }

    const record: CentralHouseholdRecord = {
      id: existing?.id ?? newId('ch'),
      communityId: caller.communityId,
      gridId: grid.id,
      name: input.name,
      householdId: input.householdId ?? null,
      memberIds,
      createdAt: existing?.createdAt ?? now,
    };
    await tx.communities.saveCentralHousehold(record);
    return toCentralHouseholdView(tx, record);
  });
}
