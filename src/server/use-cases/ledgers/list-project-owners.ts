import type { ActionContext } from '../context';

/** Staff who can own a project: the community's admins and grid workers. */
export async function listProjectOwners({ runtime, caller }: ActionContext) {
  return runtime.store.read(async (tx) => {
    const admins = await tx.users.listByRole(caller.communityId, 'admin');
    const gridWorkers = await tx.users.listByRole(caller.communityId, 'grid_worker');
    const staff = new Map([...admins, ...gridWorkers].map((user) => [user.id, { id: user.id, name: user.name }]));
    return { items: [...staff.values()] };
  });
}
