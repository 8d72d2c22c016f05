import { toGridViews } from '../../views/structure-view';
import type { ActionContext } from '../context';

export async function listGrids({ runtime, caller }: ActionContext) {
  return runtime.store.read(async (tx) => {
    const grids = await tx.communities.listGrids(caller.communityId);
    return { items: await toGridViews(tx, caller.communityId, grids, await tx.communities.counts(caller.communityId)) };
  });
}
