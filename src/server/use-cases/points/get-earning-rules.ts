import { loadEarningRules } from '../../points-ledger/earning-rules';
import type { ActionContext } from '../context';

export async function getEarningRules({ runtime, caller }: ActionContext) {
  return runtime.store.read((tx) => loadEarningRules(tx, caller.communityId));
}
