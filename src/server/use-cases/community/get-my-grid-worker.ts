import type { ActionContext } from '../context';

/** Who a resident calls for help: the grid worker of their grid, else the community's first admin. */
export async function getMyGridWorker({ runtime, caller }: ActionContext) {
  return runtime.store.read(async (tx) => {
    const gridWorkers = await tx.users.listByRole(caller.communityId, 'grid_worker');
    const mine = gridWorkers.find((user) => user.gridId !== null && user.gridId === caller.gridId && user.id !== caller.id);
    if (mine) return { contact: { name: mine.name, phone: mine.phone, role: 'grid_worker' as const } };
    const [admin] = await tx.users.listByRole(caller.communityId, 'admin');
    return { contact: admin ? { name: admin.name, phone: admin.phone, role: 'admin' as const } : null };
  });
}
