import { parseScene, type Scene } from '../../../shared/domain/scene';
import { AppError } from '../../../shared/errors';
import type { ActivityRecord, CommunityRecord, GridRecord, ServicePointRecord, ShopRecord, Tx } from '../../ports';

export interface SceneTarget {
  scene: Scene;
  community: CommunityRecord;
  grid: GridRecord | null;
  shop: ShopRecord | null;
  servicePoint: ServicePointRecord | null;
  activity: ActivityRecord | null;
}

const GONE = '二维码对应的社区不存在或已停用，请联系社区工作人员';

/** What a scanned code points at; bad or stale codes get a clear Chinese error. */
export async function resolveSceneTarget(tx: Tx, raw: string): Promise<SceneTarget> {
  const parsed = parseScene(raw);
  if (!parsed.ok) throw new AppError('VALIDATION_FAILED', parsed.message, [{ path: ['scene'], message: parsed.message }]);
  const scene = parsed.scene;
  let communityId: string;
  let grid: GridRecord | null = null;
  let shop: ShopRecord | null = null;
  let servicePoint: ServicePointRecord | null = null;
  let activity: ActivityRecord | null = null;
  switch (scene.kind) {
    case 'community':
      communityId = scene.id;
      break;
    case 'grid':
      grid = await tx.communities.getGrid(scene.id);
      if (!grid) throw new AppError('NOT_FOUND', GONE);
      communityId = grid.communityId;
      break;
    case 'service_point':
      servicePoint = await tx.servicePoints.get(scene.id);
      if (!servicePoint) throw new AppError('NOT_FOUND', '这个服务点已不存在，请联系社区工作人员');
      communityId = servicePoint.communityId;
      break;
    case 'activity':
      activity = await tx.service.getActivity(scene.id);
      if (!activity) throw new AppError('NOT_FOUND', '这个活动已不存在，请联系社区工作人员');
      communityId = activity.communityId;
      break;
    case 'shop_invite':
      shop = await tx.shops.getByInviteCode(scene.code);
      if (!shop) throw new AppError('NOT_FOUND', '邀请码无效或已更换，请向社区管理员索取新的邀请码');
      communityId = shop.communityId;
      break;
  }
  const community = await tx.communities.get(communityId);
  if (!community) throw new AppError('NOT_FOUND', GONE);
  return { scene, community, grid, shop, servicePoint, activity };
}
