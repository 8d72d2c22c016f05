import type { ActionContext } from '../context';

/** Who is on duty right now at each of the community's service points. */
export async function listOnDuty({ runtime, caller }: ActionContext) {
  return runtime.store.read(async (tx) => {
    const points = await tx.servicePoints.listByCommunity(caller.communityId);
    const open = await tx.service.listOpenDuties(caller.communityId, 500);
    const names = new Map((await tx.users.listByIds(open.map((duty) => duty.memberId))).map((user) => [user.id, user.name]));
    return {
      points: points.map((point) => ({
        id: point.id,
        name: point.name,
        onDuty: open
          .filter((duty) => duty.servicePointId === point.id)
          .map((duty) => ({ memberId: duty.memberId, name: names.get(duty.memberId) ?? '', since: new Date(duty.checkInAt).toISOString() })),
      })),
    };
  });
}
