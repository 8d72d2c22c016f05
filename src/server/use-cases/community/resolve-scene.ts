import type { TSceneInfo, TResolveSceneInput } from '../../../shared/contracts/community';
import { resolveSceneTarget } from './scene-target';
import type { VisitorContext } from '../context';

export async function resolveScene({ runtime, caller }: VisitorContext, input: TResolveSceneInput): Promise<TSceneInfo> {
  return runtime.store.read(async (tx) => {
    const target = await resolveSceneTarget(tx, input.scene);
    const buildings = await tx.communities.listBuildings(target.community.id, target.grid?.id ?? null);
    return {
      kind: target.scene.kind,
      community: { id: target.community.id, name: target.community.name },
      grid: target.grid ? { id: target.grid.id, name: target.grid.name } : null,
      buildings: buildings.map((building) => ({ id: building.id, name: building.name, gridId: building.gridId })),
      shop: target.shop ? { id: target.shop.id, name: target.shop.name } : null,
      servicePoint: target.servicePoint ? { id: target.servicePoint.id, name: target.servicePoint.name } : null,
      activity: target.activity ? { id: target.activity.id, name: target.activity.title } : null,
      alreadyMember: caller?.communityId === target.community.id,
    };
  });
}
