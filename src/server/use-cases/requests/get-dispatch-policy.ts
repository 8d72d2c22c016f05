import { resolveDispatchPolicy, type DispatchPolicy } from '../../../shared/domain/dispatch-policy';
import type { ActionContext } from '../context';

export async function getDispatchPolicy({ runtime, caller }: ActionContext): Promise<DispatchPolicy> {
  return runtime.store.read(async (tx) => resolveDispatchPolicy((await tx.communities.get(caller.communityId))?.dispatchPolicy));
}
