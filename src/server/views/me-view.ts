import type { TMe } from '../../shared/contracts/community';
import { AppError } from '../../shared/errors';
import type { Tx, UserRecord } from '../ports';

export async function toMeView(tx: Tx, user: UserRecord): Promise<TMe> {
  const community = await tx.communities.get(user.communityId);
  if (!community) throw new AppError('NOT_FOUND', '没有找到您所在的社区');
  const grid = user.gridId ? await tx.communities.getGrid(user.gridId) : null;
  return {
    id: user.id,
    name: user.name,
    roles: user.roles,
    communityId: community.id,
    communityName: community.name,
    gridName: grid?.name ?? null,
    phone: user.phone,
    address: user.address,
    home: user.home,
    communityCenter: community.center,
    unreadCount: await tx.outbox.countUnread(user.id),
  };
}
