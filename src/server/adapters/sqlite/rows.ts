import type { RequestCategory, Urgency } from '../../../shared/domain/categories';
import type { RequestState } from '../../../shared/domain/request-state';
import type { Role } from '../../../shared/domain/roles';
import type { AvailablePeriod, MemberKind } from '../../../shared/domain/community-settings';
import type { AccountKind, AccountRecord, MemberRecord, OfferRecord, OfferStatus, OutboxRecord, PostingRecord, RequestRecord, UserRecord } from '../../ports';

/** A row as better-sqlite3 returns it. */
export type Row = Record<string, unknown>;

export const str = (value: unknown): string => String(value);
export const num = (value: unknown): number => Number(value);
export const strOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
export const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
export const json = <T>(value: unknown): T => JSON.parse(String(value)) as T;

export function toUser(row: Row): UserRecord {
  return {
    id: str(row.id),
    openid: str(row.openid),
    name: str(row.name),
    phone: str(row.phone),
    communityId: str(row.community_id),
    gridId: strOrNull(row.grid_id),
    householdId: strOrNull(row.household_id),
    roles: json<Role[]>(row.roles),
    address: str(row.address),
    home: row.home_lat === null ? null : { lat: num(row.home_lat), lng: num(row.home_lng) },
    createdAt: num(row.created_at),
    ...(row.left_at === null || row.left_at === undefined ? {} : { leftAt: num(row.left_at) }),
  };
}

export function toMember(row: Row): MemberRecord {
  return {
    userId: str(row.user_id),
    communityId: str(row.community_id),
    gridId: strOrNull(row.grid_id),
    kind: str(row.kind) as MemberKind,
    workUnit: str(row.work_unit),
    skills: json<string[]>(row.skills),
    availableHours: json<AvailablePeriod[]>(row.available_hours),
    posts: json<string[]>(row.posts),
    status: str(row.status) as MemberRecord['status'],
    onLeave: num(row.on_leave) === 1,
    home: { lat: num(row.home_lat), lng: num(row.home_lng) },
    reviewNote: strOrNull(row.review_note),
    appliedAt: num(row.applied_at),
    reviewedAt: numOrNull(row.reviewed_at),
    reviewedBy: strOrNull(row.reviewed_by),
  };
}

export function toRequest(row: Row): RequestRecord {
  return {
    id: str(row.id),
    communityId: str(row.community_id),
    gridId: strOrNull(row.grid_id),
    householdId: strOrNull(row.household_id),
    residentId: str(row.resident_id),
    filedBy: str(row.filed_by),
    filedByName: strOrNull(row.filed_by_name),
    clientToken: str(row.client_token),
    category: str(row.category) as RequestCategory,
    description: str(row.description),
    address: str(row.address),
    contactName: str(row.contact_name),
    contactPhone: str(row.contact_phone),
    location: { lat: num(row.lat), lng: num(row.lng) },
    urgency: str(row.urgency) as Urgency,
    photos: json<string[]>(row.photos),
    state: str(row.state) as RequestState,
    round: num(row.round),
    roundDeadline: numOrNull(row.round_deadline),
    assigneeId: strOrNull(row.assignee_id),
    completionNote: strOrNull(row.completion_note),
    completionPhotos: json<string[]>(row.completion_photos),
    ratingStars: numOrNull(row.rating_stars),
    ratingComment: strOrNull(row.rating_comment),
    pointsAwarded: numOrNull(row.points_awarded),
    createdAt: num(row.created_at),
    updatedAt: num(row.updated_at),
    acceptedAt: numOrNull(row.accepted_at),
    completedAt: numOrNull(row.completed_at),
    ratedAt: numOrNull(row.rated_at),
    cancelledAt: numOrNull(row.cancelled_at),
    duplicateOf: strOrNull(row.duplicate_of),
    previousAssigneeId: strOrNull(row.previous_assignee_id),
    reopenedAt: numOrNull(row.reopened_at),
    neededSkill: strOrNull(row.needed_skill),
  };
}

/** Column for each request field, shared by insert and compare-and-set update. */
export const REQUEST_COLUMNS: Record<keyof RequestRecord, string> = {
  id: 'id',
  communityId: 'community_id',
  gridId: 'grid_id',
  householdId: 'household_id',
  residentId: 'resident_id',
  filedBy: 'filed_by',
  filedByName: 'filed_by_name',
  clientToken: 'client_token',
  category: 'category',
  description: 'description',
  address: 'address',
  contactName: 'contact_name',
  contactPhone: 'contact_phone',
  location: 'lat',
  urgency: 'urgency',
  photos: 'photos',
  state: 'state',
  round: 'round',
  roundDeadline: 'round_deadline',
  assigneeId: 'assignee_id',
  completionNote: 'completion_note',
  completionPhotos: 'completion_photos',
  ratingStars: 'rating_stars',
  ratingComment: 'rating_comment',
  pointsAwarded: 'points_awarded',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  acceptedAt: 'accepted_at',
  completedAt: 'completed_at',
  ratedAt: 'rated_at',
  cancelledAt: 'cancelled_at',
  duplicateOf: 'duplicate_of',
  previousAssigneeId: 'previous_assignee_id',
  reopenedAt: 'reopened_at',
  neededSkill: 'needed_skill',
};

/** Flattens a partial request into column → value pairs (location spans two columns, lists are JSON). */
export function requestColumns(patch: Partial<RequestRecord>): [string, unknown][] {
  const pairs: [string, unknown][] = [];
  for (const [key, value] of Object.entries(patch) as [keyof RequestRecord, unknown][]) {
    if (value === undefined) continue;
    if (key === 'location') {
      const location = value as RequestRecord['location'];
      pairs.push(['lat', location.lat], ['lng', location.lng]);
    } else if (key === 'photos' || key === 'completionPhotos') {
      pairs.push([REQUEST_COLUMNS[key], JSON.stringify(value)]);
    } else {
      pairs.push([REQUEST_COLUMNS[key], value]);
    }
  }
  return pairs;
}

export function toOffer(row: Row): OfferRecord {
  return {
    requestId: str(row.request_id),
    memberId: str(row.member_id),
    round: num(row.round),
    status: str(row.status) as OfferStatus,
    score: num(row.score),
    distanceM: num(row.distance_m),
    reasons: str(row.reasons),
    offeredAt: num(row.offered_at),
    expiresAt: num(row.expires_at),
    respondedAt: numOrNull(row.responded_at),
  };
}

export function toOutbox(row: Row): OutboxRecord {
  return {
    id: str(row.id),
    userId: str(row.user_id),
    kind: str(row.kind),
    title: str(row.title),
    body: str(row.body),
    requestId: strOrNull(row.request_id),
    createdAt: num(row.created_at),
    readAt: numOrNull(row.read_at),
    deliveredAt: numOrNull(row.delivered_at),
    channel: strOrNull(row.channel),
  };
}

export function toAccount(row: Row): AccountRecord {
  return {
    id: str(row.id),
    communityId: str(row.community_id),
    kind: str(row.kind) as AccountKind,
    ownerId: str(row.owner_id),
    balance: num(row.balance),
    held: num(row.held),
    allowNegative: num(row.allow_negative) === 1,
  };
}

export function toPosting(row: Row): PostingRecord {
  return {
    id: str(row.id),
    idempotencyKey: str(row.idempotency_key),
    communityId: str(row.community_id),
    debitAccountId: str(row.debit_account_id),
    creditAccountId: str(row.credit_account_id),
    amount: num(row.amount),
    kind: str(row.kind),
    ref: strOrNull(row.ref),
    memo: str(row.memo),
    payloadHash: str(row.payload_hash),
    actorId: strOrNull(row.actor_id),
    createdAt: num(row.created_at),
  };
}
