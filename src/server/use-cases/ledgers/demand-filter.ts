import type { TDemandFilter } from '../../../shared/contracts/ledgers';
import { parsePeriod } from '../../../shared/domain/periods';
import { loadGrid } from '../community-scope';
import type { Caller, DemandFilter, Tx } from '../../ports';

/** The store's filter for the caller's community from what the admin picked. */
export async function toDemandFilter(tx: Tx, caller: Caller, input: TDemandFilter): Promise<DemandFilter> {
  if (input.gridId) await loadGrid(tx, caller, input.gridId);
  const period = input.period ? parsePeriod(input.period) : null;
  return {
    communityId: caller.communityId,
    gridId: input.gridId ?? null,
    category: input.category ?? null,
    state: input.state ?? null,
    from: period?.start ?? null,
    to: period?.end ?? null,
  };
}
