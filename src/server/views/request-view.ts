import type { TRequestDetail, TRequestView } from '../../shared/contracts/requests';
import { maskAddress, maskName, maskPhone } from '../../shared/domain/masking';
import { REOPEN_WINDOW_DAYS, TRANSITIONS } from '../../shared/domain/request-state';
import { AppError } from '../../shared/errors';
import type { TSuggestionReply } from '../../shared/contracts/ledgers';
import type { Caller, OfferRecord, RequestRecord, Runtime, SuggestionReplyRecord, Tx } from '../ports';

const iso = (ms: number) => new Date(ms).toISOString();
const DAY_MS = 24 * 60 * 60 * 1000;

interface Access {
  caller: Caller;
  offer: OfferRecord | null;
  fullContact: boolean;
  staff: boolean;
  admin: boolean;
}

/**
 * Who may see a request, and how much: the resident and community staff see everything;
 * the assignee sees everything; a member who was offered it sees it with the contact masked.
 * Anyone else gets NOT_FOUND so ids cannot be probed.
 */
export async function accessTo(tx: Tx, caller: Caller, request: RequestRecord): Promise<Access> {
  const sameCommunity = request.communityId === caller.communityId;
  const admin = sameCommunity && caller.roles.includes('admin');
  const staff = admin || (sameCommunity && caller.roles.includes('grid_worker'));
  const offer = await tx.offers.get(request.id, caller.id);
  if (request.residentId === caller.id || request.assigneeId === caller.id || staff) return { caller, offer, fullContact: true, staff, admin };
  if (offer) return { caller, offer, fullContact: false, staff, admin };
  throw new AppError('NOT_FOUND', '没有找到这条求助');
}

export async function toRequestView(tx: Tx, runtime: Runtime, caller: Caller, request: RequestRecord): Promise<TRequestView> {
  // Read together: on CloudBase each read is a round trip.
  const [access, assignee] = await Promise.all([accessTo(tx, caller, request), request.assigneeId ? tx.users.getById(request.assigneeId) : null]);
  const { files } = runtime;
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
    duplicateOf: access.staff ? request.duplicateOf : null,
    actions: allowedActions(request, access, runtime.clock.now()),
  };
}

function allowedActions(request: RequestRecord, access: Access, now: number): TRequestView['actions'] {
  const isOwner = request.residentId === access.caller.id;
  const offered = access.offer?.status === 'pending' && request.state === 'dispatching';
  const finishedAt = request.completedAt ?? 0;
  return {
    cancel: isOwner && TRANSITIONS.cancel.from.includes(request.state),
    rate: isOwner && request.state === 'completed',
    reopen: isOwner && TRANSITIONS.reopen.from.includes(request.state) && now - finishedAt <= REOPEN_WINDOW_DAYS * DAY_MS,
    accept: offered,
    decline: offered,
    complete: request.assigneeId === access.caller.id && request.state === 'accepted',
    assign: access.staff && TRANSITIONS.assign.from.includes(request.state),
    escalate: access.admin && TRANSITIONS.escalate.from.includes(request.state),
    recordEscalation: access.admin && request.state === 'escalated',
    review: access.staff && TRANSITIONS.release.from.includes(request.state),
  };
}

export async function toRequestDetail(tx: Tx, runtime: Runtime, caller: Caller, request: RequestRecord): Promise<TRequestDetail> {
  const [view, events, escalation, reply] = await Promise.all([
    toRequestView(tx, runtime, caller, request),
    tx.events.listForRequest(request.id),
    tx.escalations.get(request.id),
    tx.demand.getReply(request.id),
  ]);
  const [project, suggestionReply] = await Promise.all([escalation ? tx.projects.getByRequest(request.id) : null, reply ? toSuggestionReply(tx, reply) : null]);
  return {
    ...view,
    timeline: events.map((event) => ({ at: iso(event.at), kind: event.kind, text: event.text })),
    escalation: escalation
      ? {
          department: escalation.department,
          meetingDate: escalation.meetingDate,
          attendees: escalation.attendees,
          decision: escalation.decision,
          answer: escalation.answer,
          outcome: escalation.outcome,
          status: escalation.status,
        }
      : null,
    suggestionReply,
    projectId: project?.id ?? null,
  };
}

export async function toSuggestionReply(tx: Tx, reply: SuggestionReplyRecord): Promise<TSuggestionReply> {
  const by = await tx.users.getById(reply.repliedBy);
  return { adopted: reply.adopted, reply: reply.reply, repliedAt: iso(reply.repliedAt), repliedByName: by?.name ?? '社区' };
}

/** ~100 m precision: enough to judge the trip, not enough to find the door. */
function roundLocation(location: { lat: number; lng: number }) {
  return { lat: Math.round(location.lat * 1000) / 1000, lng: Math.round(location.lng * 1000) / 1000 };
}

export async function loadRequest(tx: Tx, requestId: string): Promise<RequestRecord> {
  const request = await tx.requests.get(requestId);
  if (!request) throw new AppError('NOT_FOUND', '没有找到这条求助');
  return request;
}

/** A request the caller may see, or NOT_FOUND. */
export async function loadVisibleRequest(tx: Tx, caller: Caller, requestId: string): Promise<RequestRecord> {
  const request = await loadRequest(tx, requestId);
  await accessTo(tx, caller, request);
  return request;
}
