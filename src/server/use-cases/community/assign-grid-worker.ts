import type { TAssignGridWorkerInput } from '../../../shared/contracts/community';
import { loadGrid, loadUser, withRole } from '../community-scope';
import { enqueueNotification } from '../../notify';
import { toGridViews } from '../../views/structure-view';
import type { ActionContext } from '../context';

/** Makes a person of the community the grid worker (网格员) of a grid. */
export async function assignGridWorker({ runtime, caller }: ActionContext, input: TAssignGridWorkerInput) {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const grid = await loadGrid(tx, caller, input.gridId);
    const user = await loadUser(tx, caller, input.userId);
    await tx.users.update(user.id, { roles: withRole(user.roles, 'grid_worker'), gridId: grid.id });
    await enqueueNotification(tx, { userId: user.id, kind: 'grid_worker_assigned', title: `您已成为${grid.name}的网格员`, body: '可以在首页进入社区管理。', requestId: null }, now);
    const [view] = await toGridViews(tx, caller.communityId, [grid], await tx.communities.counts(caller.communityId));
    return view;
  });
}
