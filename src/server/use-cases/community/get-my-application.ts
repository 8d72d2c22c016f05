import type { TApplicationView } from '../../../shared/contracts/community';
import { toApplicationView } from '../../views/member-view';
import type { ActionContext } from '../context';

export async function getMyApplication({ runtime, caller }: ActionContext): Promise<{ application: TApplicationView | null }> {
  return runtime.store.read(async (tx) => {
    const member = await tx.members.get(caller.id);
    return { application: member ? await toApplicationView(tx, member) : null };
  });
}
