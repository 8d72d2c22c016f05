import type { ActionContext } from '../context';

export async function listServicePoints({ runtime, caller }: ActionContext) {
  return runtime.store.read(async (tx) => {
    const points = await tx.servicePoints.listByCommunity(caller.communityId);
    return { items: points.map(({ id, name, kind, location, radiusM, openingHours }) => ({ id, name, kind, location, radiusM, openingHours })) };
  });
}
