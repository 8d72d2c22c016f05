import { resolveEarningRules, type EarningRules } from '../../shared/domain/points-rules';
import type { Tx } from '../ports';

export async function loadEarningRules(tx: Tx, communityId: string): Promise<EarningRules> {
  return resolveEarningRules((await tx.communities.get(communityId))?.earningRules);
}
