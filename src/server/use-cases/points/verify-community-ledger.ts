import { verifyLedger } from '../../points-ledger/verify-ledger';
import type { ActionContext } from '../context';

export async function verifyCommunityLedger({ runtime, caller }: ActionContext) {
  return runtime.store.read((tx) => verifyLedger(tx, caller.communityId, runtime.clock.now()));
}
