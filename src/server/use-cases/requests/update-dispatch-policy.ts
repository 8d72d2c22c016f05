import type { TDispatchPolicyInput } from '../../../shared/contracts/requests';
import type { DispatchPolicy } from '../../../shared/domain/dispatch-policy';
import type { ActionContext } from '../context';

/** Radius steps, batch size, offer timeouts, the open-task cap and the ranking weights of the admin's community. */
export async function updateDispatchPolicy({ runtime, caller }: ActionContext, input: TDispatchPolicyInput): Promise<DispatchPolicy> {
  await runtime.store.transaction((tx) => tx.communities.saveDispatchPolicy(caller.communityId, input));
  return input;
}
