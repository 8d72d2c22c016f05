import type { z } from 'zod';
import type { zRevokeRoleInput } from '../../../shared/contracts/community';
import { ROLE_LABELS } from '../../../shared/domain/roles';
import { AppError } from '../../../shared/errors';
import { enqueueNotification } from '../../notify';
import { toResidentView } from '../../views/resident-view';
import { loadUser } from '../community-scope';
import type { ActionContext } from '../context';

/** 解除网格员 / 店员: the admin takes a duty back; the person stays a resident (and may then leave, 注销). */
export async function revokeRole({ runtime, caller }: ActionContext, input: z.infer<typeof zRevokeRoleInput>) {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const user = await loadUser(tx, caller, input.userId);
    const label = ROLE_LABELS[input.role];
    if (!user.roles.includes(input.role)) throw new AppError('CONFLICT', `${user.name}现在不是${label}`);
    const roles = user.roles.filter((role) => role !== input.role);
    await tx.users.update(user.id, { roles });
    if (input.role === 'shop_staff') await tx.shops.removeStaff(user.id);
    await enqueueNotification(tx, { userId: user.id, kind: 'role_revoked', title: `您已不再担任${label}`, body: '如有疑问请联系社区。', requestId: null }, now);
    const gridNames = new Map((await tx.communities.listGrids(caller.communityId)).map((grid) => [grid.id, grid.name]));
    return toResidentView({ ...user, roles }, gridNames);
  });
}
