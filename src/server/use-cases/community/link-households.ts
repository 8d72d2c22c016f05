import type { TLinkHouseholdsInput } from '../../../shared/contracts/community';
import { memberHouseholdsWarning } from '../../../shared/domain/structure-rules';
import { loadApprovedMember, loadHousehold } from '../community-scope';
import type { ActionContext } from '../context';

/** Sets the households a member is responsible for (1+5+15: 15–25 each); outside that range it warns the admin. */
export async function linkHouseholds({ runtime, caller }: ActionContext, input: TLinkHouseholdsInput) {
  return runtime.store.transaction(async (tx) => {
    await loadApprovedMember(tx, caller, input.memberId);
    const householdIds = [...new Set(input.householdIds)];
    for (const householdId of householdIds) await loadHousehold(tx, caller, householdId);
    await tx.members.setLinkedHouseholds(input.memberId, householdIds);
    const warning = memberHouseholdsWarning(householdIds.length);
    return { memberId: input.memberId, householdCount: householdIds.length, warnings: warning ? [warning] : [] };
  });
}
