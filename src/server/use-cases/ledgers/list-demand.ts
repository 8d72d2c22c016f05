import type { TListDemandInput } from '../../../shared/contracts/ledgers';
import { toDemandFilter } from './demand-filter';
import { toDemandLine } from '../../views/demand-view';
import type { ActionContext } from '../context';

/** 民意民盼台账: every request and suggestion of the community with handler, times and rating, newest first. */
export async function listDemand({ runtime, caller }: ActionContext, input: TListDemandInput) {
  return runtime.store.read(async (tx) => {
    const page = await tx.demand.list(await toDemandFilter(tx, caller, input), input);
    const items = [];
    for (const row of page.items) items.push(await toDemandLine(tx, row));
    return { items, nextCursor: page.nextCursor };
  });
}
