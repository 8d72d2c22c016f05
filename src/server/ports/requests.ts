import type { Page, TPageInput } from '../../shared/contracts/common';
import type { RequestCategory, Urgency } from '../../shared/domain/categories';
import type { LatLng } from '../../shared/domain/geo';
import type { RequestState } from '../../shared/domain/request-state';

// Requests (点单 → 派单 → 接单 → 评单), their offers, timelines and escalations (吹哨).

export interface RequestRecord {
  id: string;
  communityId: string;
  gridId: string | null;
  householdId: string | null;
  residentId: string;
  filedBy: string;
  /** Who typed it in when an admin filed it for a resident without a phone (代办登记). */
  filedByName: string | null;
  clientToken: string;
  category: RequestCategory;
  description: string;
  address: string;
  contactName: string;
  contactPhone: string;
  location: LatLng;
  urgency: Urgency;
  photos: string[];
  state: RequestState;
  round: number;
  roundDeadline: number | null;
  assigneeId: string | null;
  completionNote: string | null;
  completionPhotos: string[];
  ratingStars: number | null;
  ratingComment: string | null;
  pointsAwarded: number | null;
  createdAt: number;
  updatedAt: number;
  acceptedAt: number | null;
  completedAt: number | null;
  ratedAt: number | null;
  cancelledAt: number | null;
  /** An open request of the same kind nearby that this one probably repeats (shown to staff). */
  duplicateOf: string | null;
  /** Who handled it before the resident reopened it; they are asked first. */
  previousAssigneeId: string | null;
  reopenedAt: number | null;
  /** A wish (微心愿) on the board may ask for one skill, so members can filter by it. */
  neededSkill: string | null;
}

export type EscalationStatus = 'open' | 'answered' | 'resolved';

/** 吹哨: a request handed to a department or the property company after a joint meeting. */
export interface EscalationRecord {
  requestId: string;
  communityId: string;
  department: string;
  meetingDate: string;
  attendees: string[];
  decision: string;
  answer: string | null;
  outcome: string | null;
  status: EscalationStatus;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

export interface SimilarQuery {
  communityId: string;
  category: RequestCategory;
  center: LatLng;
  radiusM: number;
  since: number;
  states: readonly RequestState[];
  /** How many of the nearest to return. */
  limit: number;
}

export type OfferStatus = 'pending' | 'accepted' | 'declined' | 'expired' | 'withdrawn';

export interface OfferRecord {
  requestId: string;
  memberId: string;
  round: number;
  status: OfferStatus;
  score: number;
  distanceM: number;
  reasons: string;
  offeredAt: number;
  expiresAt: number;
  respondedAt: number | null;
}

export interface RequestEventRecord {
  requestId: string;
  at: number;
  kind: string;
  actorId: string | null;
  text: string;
}

export interface EscalationRepo {
  get(requestId: string): Promise<EscalationRecord | null>;
  save(escalation: EscalationRecord): Promise<void>;
}

export interface RequestRepo {
  insert(request: RequestRecord): Promise<void>;
  get(id: string): Promise<RequestRecord | null>;
  findByClientToken(residentId: string, clientToken: string): Promise<RequestRecord | null>;
  /** A request filed by someone for another resident, by the filer's client token. */
  findByFiler(filedBy: string, clientToken: string): Promise<RequestRecord | null>;
  /** Compare-and-set: applies the patch only while the state is one of `expected`; false when it moved. */
  update(id: string, expected: readonly RequestState[], patch: Partial<RequestRecord>): Promise<boolean>;
  listByResident(residentId: string, page: TPageInput): Promise<Page<RequestRecord>>;
  listByAssignee(memberId: string, states: readonly RequestState[], page: TPageInput): Promise<Page<RequestRecord>>;
  listIds(ids: readonly string[]): Promise<RequestRecord[]>;
  /** Requests of a community in these states, newest first. */
  listByCommunity(communityId: string, states: readonly RequestState[], page: TPageInput): Promise<Page<RequestRecord>>;
  /** Same-category requests near a point since a time, the nearest `limit` of them, nearest first. */
  findSimilar(query: SimilarQuery): Promise<RequestRecord[]>;
  /** Open wishes (微心愿) of a community waiting for a claimer, newest first. */
  listOpenWishes(communityId: string, skill: string | null, limit: number): Promise<RequestRecord[]>;
  /** Dispatching requests whose current round has run out. */
  listRoundsDue(now: number, limit: number): Promise<RequestRecord[]>;
}

export interface OfferRepo {
  insertMany(offers: readonly OfferRecord[]): Promise<void>;
  /** Inserts or replaces one member's offer (manual assignment, or asking the previous member again). */
  save(offer: OfferRecord): Promise<void>;
  get(requestId: string, memberId: string): Promise<OfferRecord | null>;
  listForRequest(requestId: string): Promise<OfferRecord[]>;
  listPendingForMember(memberId: string, now: number): Promise<OfferRecord[]>;
  /** Compare-and-set on the offer's status. */
  updateStatus(requestId: string, memberId: string, from: readonly OfferStatus[], to: OfferStatus, at: number): Promise<boolean>;
  /** Closes every pending offer of a request; returns how many were closed. */
  closePending(requestId: string, to: OfferStatus, at: number): Promise<number>;
}

export interface EventRepo {
  append(event: RequestEventRecord): Promise<void>;
  listForRequest(requestId: string): Promise<RequestEventRecord[]>;
  /** Rewrites the text of these requests' events where `rewrite` answers new text (注销 takes a person's words and name out). */
  redact(requestIds: readonly string[], rewrite: (event: RequestEventRecord) => string | null): Promise<number>;
}
