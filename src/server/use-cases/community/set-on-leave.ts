import type { TApplicationView, TSetOnLeaveInput } from '../../../shared/contracts/community';
import { loadApprovedMember } from '../community-scope';
import { toApplicationView } from '../../views/member-view';
import type { ActionContext } from '../context';

/** A member pauses themselves (on leave): dispatch skips them until they come back. */
export async function setOnLeave({ runtime, caller }: ActionContext, input: TSetOnLeaveInput): Promise<TApplicationView> {
  return runtime.store.transaction(async (tx) => {
    const member = await loadApprovedMember(tx, caller, caller.id);
    const updated = { ...member, onLeave: input.onLeave };
    await tx.members.save(updated);
    return toApplicationView(tx, updated);
  });
}
