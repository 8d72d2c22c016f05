import type { TMe } from '../../shared/contracts/community';
import { AppError } from '../../shared/errors';
import type { ActionContext } from './context';

export async function getMe({ runtime, caller }: ActionContext): Promise<TMe> {
  return runtime.store.read(async (tx) => {
    const community = await tx.communities.get(caller.communityId);
    if (!community) throw new AppError('NOT_FOUND', '没有找到您所在的社区');
    const grid = caller.gridId ? await tx.communities.getGrid(caller.gridId) : null;
    return {
      id: caller.id,
      name: caller.name,
      roles: caller.roles,
      communityId: community.id,
      communityName: community.name,
      gridName: grid?.name ?? null,
      phone: caller.phone,
      address: caller.address,
      home: caller.home,
      unreadCount: await tx.outbox.countUnread(caller.id),
    };
  });
}
