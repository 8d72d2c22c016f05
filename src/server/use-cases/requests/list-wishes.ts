import type { TWishView, TListWishesInput } from '../../../shared/contracts/requests';
import { distanceMeters } from '../../../shared/domain/geo';
import { maskAddress, maskName } from '../../../shared/domain/masking';
import { AppError } from '../../../shared/errors';
import type { ActionContext } from '../context';

/** Enough for any community's board; wishes are few and short-lived. */
const BOARD_LIMIT = 200;

/** 微心愿墙: open wishes of the member's community near their home, nearest first, optionally for one skill. */
export async function listWishes({ runtime, caller }: ActionContext, input: TListWishesInput): Promise<{ items: TWishView[] }> {
  return runtime.store.read(async (tx) => {
    const member = await tx.members.get(caller.id);
    if (!member || member.status !== 'approved' || member.communityId !== caller.communityId) throw new AppError('FORBIDDEN', '通过审核的党员和志愿者才能认领心愿');
    const wishes = await tx.requests.listOpenWishes(caller.communityId, input.skill ?? null, BOARD_LIMIT);
    const residents = new Map((await tx.users.listByIds(wishes.map((wish) => wish.residentId))).map((user) => [user.id, user.name]));
    const items = wishes
      .map((wish) => ({ wish, distanceM: Math.round(distanceMeters(member.home, wish.location)) }))
      .filter(({ distanceM }) => distanceM <= input.maxDistanceM)
      .sort((a, b) => a.distanceM - b.distanceM)
      .map(({ wish, distanceM }) => ({
        id: wish.id,
        description: wish.description,
        neededSkill: wish.neededSkill,
        residentName: maskName(residents.get(wish.residentId) ?? wish.contactName),
        address: maskAddress(wish.address),
        photoUrls: wish.photos.map((photo) => runtime.files.urlFor(photo)),
        distanceM,
        createdAt: new Date(wish.createdAt).toISOString(),
      }));
    return { items };
  });
}
