import type { TSubmitRequestInput } from '../../shared/contracts/requests';
import { CATEGORY_LABELS } from '../../shared/domain/categories';
import { runOfferRound } from '../dispatch/run-offer-round';
import { findSimilarOpenRequests } from './find-similar';
import { newId } from '../ids';
import type { RequestRecord, Tx, UserRecord } from '../ports';

export interface NewRequest {
  resident: UserRecord;
  /** The person who typed it in: the resident, or an admin filing for them (代办登记). */
  filer: UserRecord;
  input: TSubmitRequestInput;
  now: number;
}

/** Stores a new request with its first timeline entry and sends out the first round of offers (a wish goes to the board instead). */
export async function createRequest(tx: Tx, { resident, filer, input, now }: NewRequest): Promise<RequestRecord> {
  const onBehalf = filer.id !== resident.id;
  const [similar] = await findSimilarOpenRequests(tx, resident.communityId, input.category, input.location, now, 1);
  const duplicateOf = similar?.id ?? null;
  const request: RequestRecord = {
    id: newId('r'),
    communityId: resident.communityId,
    gridId: resident.gridId,
    householdId: resident.householdId,
    residentId: resident.id,
    filedBy: filer.id,
    filedByName: onBehalf ? filer.name : null,
    clientToken: input.clientToken,
    category: input.category,
    description: input.description,
    address: input.address,
    contactName: resident.name,
    contactPhone: input.contactPhone ?? resident.phone,
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
    duplicateOf,
    previousAssigneeId: null,
    reopenedAt: null,
    neededSkill: input.category === 'wish' ? (input.neededSkill ?? null) : null,
  };
  await tx.requests.insert(request);
  const label = CATEGORY_LABELS[request.category];
  await tx.events.append({
    requestId: request.id,
    at: now,
    kind: 'submitted',
    actorId: filer.id,
    text: onBehalf ? `${filer.name} 代 ${resident.name} 登记了求助：${label}` : `提交了求助：${label}`,
  });
  if (request.category === 'wish') {
    // Wishes are not pushed to anyone: they wait on the board until a member or volunteer claims one.
    await tx.events.append({ requestId: request.id, at: now, kind: 'wish_posted', actorId: filer.id, text: '心愿已发布到微心愿墙，等待党员或志愿者认领' });
  } else {
    await runOfferRound(tx, request, now);
  }
  return (await tx.requests.get(request.id)) ?? request;
}
