import type { TGetQrCodeInput } from '../../../shared/contracts/community';
import { buildScene, type Scene } from '../../../shared/domain/scene';
import { AppError } from '../../../shared/errors';
import { requireSameCommunity } from '../community-scope';
import type { Tx } from '../../ports';
import type { ActionContext } from '../context';

type Kind = Scene['kind'];

/** The community's, a grid's, a service point's, an activity's or a shop invitation's QR code, to print and post. */
export async function getQrCode({ runtime, caller }: ActionContext, input: TGetQrCodeInput) {
  const scene = await runtime.store.read(async (tx) => {
    const communityId = await communityOf(tx, input.kind, input.id);
    if (!communityId) throw new AppError('NOT_FOUND', '没有找到对应的二维码对象');
    requireSameCommunity(caller, communityId);
    return buildScene(input.kind === 'shop_invite' ? { kind: 'shop_invite', code: (await tx.shops.get(input.id))?.inviteCode ?? '' } : { kind: input.kind, id: input.id });
  });
  return { scene, imageUrl: await runtime.qrCodes.imageUrl(scene), pageUrl: runtime.qrCodes.pageUrl(scene) };
}

async function communityOf(tx: Tx, kind: Kind, id: string): Promise<string | null> {
  switch (kind) {
    case 'community':
      return (await tx.communities.get(id))?.id ?? null;
    case 'grid':
      return (await tx.communities.getGrid(id))?.communityId ?? null;
    case 'service_point':
      return (await tx.servicePoints.get(id))?.communityId ?? null;
    case 'activity':
      return (await tx.service.getActivity(id))?.communityId ?? null;
    case 'shop_invite':
      return (await tx.shops.get(id))?.communityId ?? null;
  }
}
