import type { TRequestDetail, TRequestView } from '../../shared/contracts/requests';
import { maskAddress, maskName, maskPhone } from '../../shared/domain/masking';
import { TRANSITIONS } from '../../shared/domain/request-state';
import { AppError } from '../../shared/errors';
import type { Caller, Files, OfferRecord, RequestRecord, Tx } from '../ports';

const iso = (ms: number) => new Date(ms).toISOString();

export interface Access {
  viewerId: string;
  offer: OfferRecord | null;
  fullContact: boolean;
}

/** The resident's own view of their request. */
export const ownerAccess = (caller: Caller): Access => ({ viewerId: caller.id, offer: null, fullContact: true });

/**
 * Who may see a request, and how much: the resident and community staff see everything;
 * the assignee sees everything; a member who was offered it sees it with the contact masked.
 * Anyone else gets NOT_FOUND so ids cannot be probed.
 */
export async function accessTo(tx: Tx, caller: Caller, request: RequestRecord): Promise<Access> {
  const isStaff = request.communityId === caller.communityId && caller.roles.some((role) => role === 'admin' || role === 'grid_worker');
  const offer = await tx.offers.get(request.id, caller.id);
  if (request.residentId === caller.id || request.assigneeId === caller.id || isStaff) return { viewerId: caller.id, offer, fullContact: true };
  if (offer) return { viewerId: caller.id, offer, fullContact: false };
  throw new AppError('NOT_FOUND', '没有找到这条求助');
}

export async function toRequestView(tx: Tx, files: Files, request: RequestRecord, access: Access): Promise<TRequestView> {
  const assignee = request.assigneeId ? await tx.users.getById(request.assigneeId) : null;
  return {
    id: request.id,
    category: request.category,
    description: request.description,
    urgency: request.urgency,
    state: request.state,
    contact: access.fullContact
      ? { name: request.contactName, phone: request.contactPhone, address: request.address, masked: false }
      : { name: maskName(request.contactName), phone: maskPhone(request.contactPhone), address: maskAddress(request.address), masked: true },
    location: access.fullContact ? request.location : roundLocation(request.location),
    photoUrls: request.photos.map((id) => files.urlFor(id)),
    createdAt: iso(request.createdAt),
    assignee: assignee ? { id: assignee.id, name: assignee.name, phone: assignee.phone } : null,
    completionNote: request.completionNote,
    completionPhotoUrls: request.completionPhotos.map((id) => files.urlFor(id)),
    rating: request.ratingStars === null ? null : { stars: request.ratingStars, comment: request.ratingComment ?? '' },
    offer: access.offer ? { status: access.offer.status, expiresAt: iso(access.offer.expiresAt), reasons: access.offer.reasons } : null,
    distanceM: access.offer ? access.offer.distanceM : null,
    pointsAwarded: request.pointsAwarded,
    filedByName: request.filedByName,
    actions: allowedActions(request, access),
  };
}

function allowedActions(request: RequestRecord, access: Access): TRequestView['actions'] {
  const isOwner = request.residentId === access.viewerId;
  const offered = access.offer?.status === 'pending' && request.state === 'dispatching';
  return {
    cancel: isOwner && TRANSITIONS.cancel.from.includes(request.state),
    rate: isOwner && request.state === 'completed',
    accept: offered,
    decline: offered,
    complete: request.assigneeId === access.viewerId && request.state === 'accepted',
  };
}

export async function toRequestDetail(tx: Tx, files: Files, request: RequestRecord, access: Access): Promise<TRequestDetail> {
  const view = await toRequestView(tx, files, request, access);
  const events = await tx.events.listForRequest(request.id);
  return { ...view, timeline: events.map((event) => ({ at: iso(event.at), kind: event.kind, text: event.text })) };
}

/** ~100 m precision: enough to judge the trip, not enough to find the door. */
function roundLocation(location: { lat: number; lng: number }) {
  return { lat: Math.round(location.lat * 1000) / 1000, lng: Math.round(location.lng * 1000) / 1000 };
}

export async function loadRequestFor(tx: Tx, caller: Caller, requestId: string) {
  const request = await tx.requests.get(requestId);
  if (!request) throw new AppError('NOT_FOUND', '没有找到这条求助');
  const access = await accessTo(tx, caller, request);
  return { request, access };
}
