import type { TSubmitRequestInput } from '../../../shared/contracts/requests';
import { CATEGORY_BEHAVIOUR, CATEGORY_LABELS } from '../../../shared/domain/categories';
import { runOfferRound } from './dispatch/run-offer-round';
import { searchCandidates, type DispatchSearch } from './dispatch/search-candidates';
import { findSimilarOpenRequests } from './find-similar';
import { AppError } from '../../../shared/errors';
import { newId } from '../../ids';
import { notifyCommunityStaff } from '../../notify';
import type { RequestRecord, Tx, UserRecord } from '../../ports';

export interface NewRequest {
  resident: UserRecord;
  /** The person who typed it in: the resident, or an admin filing for them (代办登记). */
  filer: UserRecord;
  input: TSubmitRequestInput;
  now: number;
  /** The content check asked for a person to look first: stored as held, not sent out, staff told. */
  held?: boolean;
  /** What was looked up before the transaction (see `prepareRequest`); looked up inside it when absent. */
  prepared?: PreparedRequest;
}

/** The queries a new request needs that read committed data only: made before the transaction, they hold nothing open. */
export interface PreparedRequest {
  duplicateOf: string | null;
  /** Who it can be offered to; none for a request that will not be offered now (held, or a wish). */
  search: DispatchSearch | null;
}

export async function prepareRequest(reader: Tx, resident: UserRecord, input: TSubmitRequestInput, now: number, held: boolean): Promise<PreparedRequest> {
  const offered = !held && CATEGORY_BEHAVIOUR[input.category].routing !== 'board';
  const [similar, search] = await Promise.all([
    findSimilarOpenRequests(reader, resident.communityId, input.category, input.location, now, 1),
    offered
      ? searchCandidates(reader, { communityId: resident.communityId, location: input.location, category: input.category, urgency: input.urgency, householdId: resident.householdId, residentId: resident.id, stored: null }, now)
      : Promise.resolve(null),
  ]);
  return { duplicateOf: similar[0]?.id ?? null, search };
}

/**
 * The request an earlier call stored under this client token, when this call is its retry; another
 * request under the same token is refused (a retry must not quietly answer with something else).
 */
export function retriedRequest(earlier: RequestRecord | null, input: TSubmitRequestInput): RequestRecord | null {
  if (!earlier) return null;
  const same =
    earlier.category === input.category &&
    earlier.description === input.description &&
    earlier.address === input.address &&
    earlier.urgency === input.urgency &&
    earlier.location.lat === input.location.lat &&
    earlier.location.lng === input.location.lng &&
    JSON.stringify(earlier.photos) === JSON.stringify(input.photos) &&
    (input.contactPhone === undefined || earlier.contactPhone === input.contactPhone);
  if (!same) throw new AppError('CONFLICT', '这条求助已经提交过，内容和这次不一样；请返回查看“我的求助”，需要的话重新填写提交');
  return earlier;
}

/**
 * Stores a new request with its first timeline entry and starts it (see `startRequest`); a request whose
 * words must be reviewed first is stored held instead, and the community's staff are asked to look.
 */
export async function createRequest(tx: Tx, { resident, filer, input, now, held = false, prepared }: NewRequest): Promise<RequestRecord> {
  const onBehalf = filer.id !== resident.id;
  const { duplicateOf, search } = prepared ?? (await prepareRequest(tx, resident, input, now, held));
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
    state: held ? 'held' : 'submitted',
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
    neededSkill: CATEGORY_BEHAVIOUR[input.category].namesSkill ? (input.neededSkill ?? null) : null,
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
  if (held) {
    await tx.events.append({ requestId: request.id, at: now, kind: 'held', actorId: null, text: '社区正在审核求助内容，审核通过后会立即派单' });
    await notifyCommunityStaff(
      tx,
      request.communityId,
      { kind: 'held_for_review', title: `求助待审核：${label}`, body: '内容需要人工审核，请点开通过或驳回', requestId: request.id },
      now,
    );
    return request;
  }
  return startRequest(tx, request, filer.id, now, search ?? undefined);
}

/**
 * What a request does once it may go out (a fresh submit, or a held one an admin released): a wish waits
 * on the board for a member or volunteer to claim it; anything else is offered to nearby members.
 */
export async function startRequest(tx: Tx, request: RequestRecord, actorId: string, now: number, search?: DispatchSearch): Promise<RequestRecord> {
  if (CATEGORY_BEHAVIOUR[request.category].routing === 'board') {
    // Wishes are not pushed to anyone: they wait on the board until a member or volunteer claims one.
    await tx.events.append({ requestId: request.id, at: now, kind: 'wish_posted', actorId, text: '心愿已发布到微心愿墙，等待党员或志愿者认领' });
  } else {
    await runOfferRound(tx, request, now, search);
  }
  return (await tx.requests.get(request.id)) ?? request;
}
