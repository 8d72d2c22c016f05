import type { TEarningRules } from '../../../shared/contracts/points';
import type { EarningRules } from '../../../shared/domain/points-rules';
import type { ActionContext } from '../context';

/** Applies from the next posting on; what was already credited stays (the ledger is never edited). */
export async function updateEarningRules({ runtime, caller }: ActionContext, input: TEarningRules): Promise<EarningRules> {
  return runtime.store.transaction(async (tx) => {
    await tx.communities.saveEarningRules(caller.communityId, input);
    return input;
  });
}
