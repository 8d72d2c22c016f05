import type { TRequestDetail, TSubmitRequestInput } from '../../shared/contracts/requests';
import { CATEGORY_LABELS } from '../../shared/domain/categories';
import { runOfferRound } from '../dispatch/run-offer-round';
import { newId } from '../ids';
import type { RequestRecord } from '../ports';
import { ownerAccess, toRequestDetail } from '../views/request-view';
import { checkPhotosExist } from './check-photos';
import type { ActionContext } from './context';

export async function submitRequest({ runtime, caller }: ActionContext, input: TSubmitRequestInput): Promise<TRequestDetail> {
  await checkPhotosExist(runtime.files, input.photos, 'photos');
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const access = ownerAccess(caller);
    const earlier = await tx.requests.findByClientToken(caller.id, input.clientToken);
    if (earlier) return toRequestDetail(tx, runtime.files, earlier, access);

    const request: RequestRecord = {
      id: newId('r'),
      communityId: caller.communityId,
      gridId: caller.gridId,
      householdId: caller.householdId,
      residentId: caller.id,
      filedBy: caller.id,
      clientToken: input.clientToken,
      category: input.category,
      description: input.description,
      address: input.address,
      contactName: caller.name,
      contactPhone: input.contactPhone ?? caller.phone,
      location: input.location,
      urgency: input.urgency,
      photos: input.photos,
      state: 'submitted',
      round: 0,
      roundDeadline: null,
      assigneeId: null,
      completionNote: null,
      completionPhotos: [],
      ratingStars: null,
      ratingComment: null,
      pointsAwarded: null,
      createdAt: now,
      updatedAt: now,
      acceptedAt: null,
      completedAt: null,
      ratedAt: null,
      cancelledAt: null,
    };
    await tx.requests.insert(request);
    await tx.events.append({ requestId: request.id, at: now, kind: 'submitted', actorId: caller.id, text: `提交了求助：${CATEGORY_LABELS[request.category]}` });
    await runOfferRound(tx, request, now);
    const stored = await tx.requests.get(request.id);
    return toRequestDetail(tx, runtime.files, stored ?? request, access);
  });
}
