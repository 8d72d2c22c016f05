import type { Page, TPageInput } from '../shared/contracts/common';
import type { RequestCategory, Urgency } from '../shared/domain/categories';
import type { AvailablePeriod, CommunitySettings, MemberKind, ServicePointKind, ShopKind } from '../shared/domain/community-settings';
import type { DispatchPolicyOverrides } from '../shared/domain/dispatch-policy';
import type { OpeningHours } from '../shared/domain/structure-rules';
import type { EarningRules } from '../shared/domain/points-rules';
import type { CatalogItemKind, RedemptionStatus } from '../shared/domain/supermarket';
import type { AttendanceMark, SignupStatus } from '../shared/domain/service-rules';
import type { DispatchCandidate } from '../shared/domain/dispatch-ranking';
import type { LatLng } from '../shared/domain/geo';
import type { RequestState } from '../shared/domain/request-state';
import type { Role } from '../shared/domain/roles';
import type { ProjectSource, ProjectStatus } from '../shared/domain/project-rules';
import type { EvaluationGrade } from '../shared/domain/evaluation';
import type { DeliberationStatus } from '../shared/domain/deliberation-rules';

/** Milliseconds since the epoch; injected so tests can move time. */
export interface Clock {
  now(): number;
}

export interface CommunityRecord {
  id: string;
  districtId: string;
  name: string;
  center: LatLng;
  dispatchPolicy: DispatchPolicyOverrides | null;
  settings: Partial<CommunitySettings> | null;
  earningRules: Partial<EarningRules> | null;
  createdAt: number;
}

export interface BuildingRecord {
  id: string;
  communityId: string;
  gridId: string | null;
  name: string;
}

export interface HouseholdRecord {
  id: string;
  communityId: string;
  gridId: string | null;
  buildingId: string | null;
  address: string;
}

export interface CentralHouseholdRecord {
  id: string;
  communityId: string;
  gridId: string | null;
  name: string;
  householdId: string | null;
  memberIds: string[];
  createdAt: number;
}

export interface ShopRecord {
  id: string;
  communityId: string;
  name: string;
  kind: ShopKind;
  description: string;
  inviteCode: string;
  createdAt: number;
}

export interface ServicePointRecord {
  id: string;
  communityId: string;
  name: string;
  kind: ServicePointKind;
  location: LatLng;
  radiusM: number;
  openingHours: OpeningHours;
  createdAt: number;
}

/** Counts that admin lists show next to each grid and building. */
export interface StructureCounts {
  buildingsByGrid: Record<string, number>;
  membersByGrid: Record<string, number>;
  householdsByBuilding: Record<string, number>;
}

export interface GridRecord {
  id: string;
  communityId: string;
  name: string;
}

export interface UserRecord {
  id: string;
  openid: string;
  name: string;
  phone: string;
  communityId: string;
  gridId: string | null;
  householdId: string | null;
  roles: Role[];
  address: string;
  home: LatLng | null;
  createdAt: number;
}

export type MemberStatus = 'pending' | 'approved' | 'rejected';

/** A party member's or volunteer's registration (双报到), from application to approval. */
export interface MemberRecord {
  userId: string;
  communityId: string;
  gridId: string | null;
  kind: MemberKind;
  workUnit: string;
  skills: string[];
  availableHours: AvailablePeriod[];
  posts: string[];
  status: MemberStatus;
  onLeave: boolean;
  home: LatLng;
  reviewNote: string | null;
  appliedAt: number;
  reviewedAt: number | null;
  reviewedBy: string | null;
}

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

export interface OutboxRecord {
  id: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  requestId: string | null;
  createdAt: number;
  readAt: number | null;
  deliveredAt: number | null;
  channel: string | null;
}

export type AccountKind = 'issuance' | 'member' | 'shop';

export interface AccountRecord {
  id: string;
  communityId: string;
  kind: AccountKind;
  ownerId: string;
  balance: number;
  held: number;
  allowNegative: boolean;
}

export interface PostingRecord {
  id: string;
  idempotencyKey: string;
  communityId: string;
  debitAccountId: string;
  creditAccountId: string;
  amount: number;
  kind: string;
  ref: string | null;
  memo: string;
  payloadHash: string;
  /** Who caused it when it was a person's decision (admin adjustments, refunds). */
  actorId: string | null;
  createdAt: number;
}

export type HoldStatus = 'pending' | 'confirmed' | 'voided';

/** Points set aside from a member's balance until an order is picked up (confirm) or dropped (void). */
export interface HoldRecord {
  id: string;
  idempotencyKey: string;
  communityId: string;
  accountId: string;
  amount: number;
  status: HoldStatus;
  ref: string | null;
  expiresAt: number;
  createdAt: number;
  settledAt: number | null;
}

/** One account as stored next to what its postings and pending holds say it should be. */
export interface AccountAudit {
  account: AccountRecord;
  replayedBalance: number;
  pendingHolds: number;
}

export interface CatalogItemRecord {
  id: string;
  shopId: string;
  communityId: string;
  name: string;
  kind: CatalogItemKind;
  description: string;
  price: number;
  stock: number | null;
  monthlyLimit: number | null;
  photos: string[];
  onShelf: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface RedemptionLine {
  itemId: string;
  name: string;
  price: number;
  qty: number;
}

export interface RedemptionRecord {
  id: string;
  idempotencyKey: string;
  payloadHash: string;
  communityId: string;
  shopId: string;
  memberId: string;
  /** The staff member who scanned the code (in store) or the pickup code (orders). */
  staffId: string | null;
  channel: 'in_store' | 'order';
  status: RedemptionStatus;
  lines: RedemptionLine[];
  total: number;
  holdId: string | null;
  postingId: string | null;
  refundPostingId: string | null;
  refundReason: string | null;
  createdAt: number;
  settledAt: number | null;
  expiresAt: number | null;
  updatedAt: number;
}

/** A member's stretch of duty at a service point, from check-in to check-out (by them or at closing time). */
export interface DutyRecord {
  id: string;
  communityId: string;
  memberId: string;
  servicePointId: string;
  checkInAt: number;
  checkInLocation: LatLng;
  status: 'open' | 'closed';
  checkOutAt: number | null;
  closedBy: 'member' | 'auto' | null;
  minutes: number | null;
  points: number | null;
}

export interface ActivityRecord {
  id: string;
  communityId: string;
  title: string;
  place: string;
  location: LatLng;
  radiusM: number;
  startsAt: number;
  endsAt: number;
  capacity: number;
  signedUp: number;
  points: number;
  skills: string[];
  status: 'open' | 'completed';
  createdBy: string;
  createdAt: number;
  completedAt: number | null;
}

export interface SignupRecord {
  activityId: string;
  memberId: string;
  status: SignupStatus;
  signedUpAt: number;
  checkInAt: number | null;
  checkOutAt: number | null;
  attendance: AttendanceMark | null;
  points: number | null;
}

export interface CandidateQuery {
  communityId: string;
  center: LatLng;
  radiusM: number;
  /** Any of these skills fits; empty means any member fits. */
  skills: readonly string[];
  excludeMemberIds: readonly string[];
  openTaskCap: number;
  householdId: string | null;
  since: number;
  /** Only members who said they are available in this period (unless urgent). */
  period: AvailablePeriod;
  urgent: boolean;
}

export type UserPatch = Partial<Pick<UserRecord, 'name' | 'phone' | 'communityId' | 'gridId' | 'householdId' | 'roles' | 'address' | 'home'>>;

export interface UserRepo {
  getById(id: string): Promise<UserRecord | null>;
  getByOpenid(openid: string): Promise<UserRecord | null>;
  listByIds(ids: readonly string[]): Promise<UserRecord[]>;
  listByRole(communityId: string, role: Role): Promise<UserRecord[]>;
  /** Name prefix or phone prefix search inside a community, optionally by role. */
  search(communityId: string, filter: { keyword?: string; role?: Role }, page: TPageInput): Promise<Page<UserRecord>>;
  insert(user: UserRecord): Promise<void>;
  update(id: string, patch: UserPatch): Promise<void>;
}

export interface CommunityRepo {
  get(id: string): Promise<CommunityRecord | null>;
  /** A new community (going live, or a district adding one). */
  insert(community: CommunityRecord): Promise<void>;
  listInDistrict(districtId: string): Promise<CommunityRecord[]>;
  saveSettings(id: string, settings: CommunitySettings): Promise<void>;
  saveDispatchPolicy(id: string, policy: DispatchPolicyOverrides): Promise<void>;
  saveEarningRules(id: string, rules: EarningRules): Promise<void>;
  getGrid(id: string): Promise<GridRecord | null>;
  listGrids(communityId: string): Promise<GridRecord[]>;
  insertGrid(grid: GridRecord): Promise<void>;
  getBuilding(id: string): Promise<BuildingRecord | null>;
  listBuildings(communityId: string, gridId: string | null): Promise<BuildingRecord[]>;
  insertBuilding(building: BuildingRecord): Promise<void>;
  getHousehold(id: string): Promise<HouseholdRecord | null>;
  findHousehold(buildingId: string, address: string): Promise<HouseholdRecord | null>;
  listHouseholds(communityId: string, filter: { buildingId?: string; keyword?: string }, page: TPageInput): Promise<Page<HouseholdRecord>>;
  insertHousehold(household: HouseholdRecord): Promise<void>;
  counts(communityId: string): Promise<StructureCounts>;
  getCentralHousehold(id: string): Promise<CentralHouseholdRecord | null>;
  listCentralHouseholds(communityId: string, page: TPageInput): Promise<Page<CentralHouseholdRecord>>;
  /** Inserts or replaces, members included. */
  saveCentralHousehold(record: CentralHouseholdRecord): Promise<void>;
  /** Per community of a district: grid, member, resident and open-request counts. */
  districtSummaries(districtId: string): Promise<{ id: string; name: string; grids: number; members: number; residents: number; openRequests: number }[]>;
  /** Member id → the central household that already links them. */
  centralHouseholdsOf(memberIds: readonly string[]): Promise<Record<string, string>>;
}

export interface MemberRepo {
  get(userId: string): Promise<MemberRecord | null>;
  findCandidates(query: CandidateQuery): Promise<DispatchCandidate[]>;
  /** Inserts a new application or replaces an earlier one (keeps the spatial index in step). */
  save(member: MemberRecord): Promise<void>;
  list(communityId: string, filter: { status: MemberStatus; keyword?: string; gridId?: string }, page: TPageInput): Promise<Page<MemberRecord>>;
  linkedHouseholdIds(memberId: string): Promise<string[]>;
  setLinkedHouseholds(memberId: string, householdIds: readonly string[]): Promise<void>;
  /** Household id → names of the members linked to it, and of its residents. */
  householdPeople(householdIds: readonly string[]): Promise<Record<string, { members: string[]; residents: string[] }>>;
}

export interface EscalationRepo {
  get(requestId: string): Promise<EscalationRecord | null>;
  save(escalation: EscalationRecord): Promise<void>;
}

export interface ShopRepo {
  get(id: string): Promise<ShopRecord | null>;
  getByInviteCode(code: string): Promise<ShopRecord | null>;
  listByCommunity(communityId: string): Promise<ShopRecord[]>;
  insert(shop: ShopRecord): Promise<void>;
  addStaff(shopId: string, userId: string, at: number): Promise<void>;
  listStaff(shopId: string): Promise<UserRecord[]>;
  /** Shops a user works at. */
  listShopsOfStaff(userId: string): Promise<ShopRecord[]>;
}

export interface ServicePointRepo {
  get(id: string): Promise<ServicePointRecord | null>;
  listByCommunity(communityId: string): Promise<ServicePointRecord[]>;
  save(point: ServicePointRecord): Promise<void>;
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
}

export interface OutboxRepo {
  enqueue(message: OutboxRecord): Promise<void>;
  listForUser(userId: string, page: TPageInput): Promise<Page<OutboxRecord>>;
  countUnread(userId: string): Promise<number>;
  markRead(userId: string, ids: readonly string[], at: number): Promise<number>;
  listUndelivered(limit: number): Promise<OutboxRecord[]>;
  markDelivered(id: string, channel: string, at: number): Promise<void>;
}

export interface LedgerRepo {
  getAccount(id: string): Promise<AccountRecord | null>;
  createAccount(account: AccountRecord): Promise<void>;
  /**
   * Adds the deltas only while the account stays within its limits (held never negative; unless the
   * account may go negative, balance never below held). False, and nothing changed, otherwise.
   */
  moveAccount(id: string, balanceDelta: number, heldDelta: number): Promise<boolean>;
  findPostingByKey(idempotencyKey: string): Promise<PostingRecord | null>;
  insertPosting(posting: PostingRecord): Promise<void>;
  listPostings(accountId: string, page: TPageInput): Promise<Page<PostingRecord>>;
  /** Postings of some kinds in a community, newest first (the adjustment audit trail). */
  listPostingsOfKinds(communityId: string, kinds: readonly string[], page: TPageInput): Promise<Page<PostingRecord>>;
  /** Points credited to an account since a moment by postings of these kinds (daily caps). */
  sumCredited(accountId: string, kinds: readonly string[], since: number): Promise<number>;
  insertHold(hold: HoldRecord): Promise<void>;
  getHold(id: string): Promise<HoldRecord | null>;
  findHoldByKey(idempotencyKey: string): Promise<HoldRecord | null>;
  /** Compare-and-set from pending: true exactly once per hold. */
  settleHold(id: string, to: Exclude<HoldStatus, 'pending'>, at: number): Promise<boolean>;
  listHoldsDue(now: number, limit: number): Promise<HoldRecord[]>;
  /** Every account (of one community, or all) with its replayed balance and pending holds. */
  auditAccounts(communityId: string | null): Promise<AccountAudit[]>;
  /** Stored balances and holds of a community's accounts of one kind, added up (no replay). */
  sumAccounts(communityId: string, kind: AccountKind): Promise<{ balance: number; held: number }>;
  countPostings(communityId: string | null): Promise<number>;
  /** Sums of postings since a moment, by kind, in one community. */
  sumByKind(communityId: string, since: number): Promise<Record<string, number>>;
  /** Members by points earned (task, rating, duty, activity, positive adjustments) since a moment. */
  leaderboard(communityId: string, since: number, limit: number): Promise<{ memberId: string; earned: number }[]>;
}

export interface CatalogRepo {
  get(id: string): Promise<CatalogItemRecord | null>;
  listByShop(shopId: string, onShelfOnly: boolean): Promise<CatalogItemRecord[]>;
  listOnShelfInCommunity(communityId: string): Promise<CatalogItemRecord[]>;
  save(item: CatalogItemRecord): Promise<void>;
  /** Takes stock only if enough is left (items without stock always succeed); false otherwise. */
  takeStock(itemId: string, qty: number): Promise<boolean>;
  returnStock(itemId: string, qty: number): Promise<void>;
}

export interface RedemptionRepo {
  insert(redemption: RedemptionRecord): Promise<void>;
  get(id: string): Promise<RedemptionRecord | null>;
  findByKey(idempotencyKey: string): Promise<RedemptionRecord | null>;
  /** Compare-and-set on the status. */
  update(id: string, from: readonly RedemptionStatus[], patch: Partial<RedemptionRecord>): Promise<boolean>;
  listForShopSince(shopId: string, since: number): Promise<RedemptionRecord[]>;
  listPendingForShop(shopId: string): Promise<RedemptionRecord[]>;
  listForMember(memberId: string, page: TPageInput): Promise<Page<RedemptionRecord>>;
  /** Item id → quantity the member took since a moment, counting only live redemptions. */
  takenSince(memberId: string, itemIds: readonly string[], since: number): Promise<Record<string, number>>;
  /** Marks a redemption code's nonce used; false when it already was (a replayed code). */
  useCode(nonce: string, userId: string, expiresAt: number, usedAt: number): Promise<boolean>;
  isCodeUsed(nonce: string): Promise<boolean>;
  pruneCodes(expiredBefore: number): Promise<number>;
}

export interface ServiceRepo {
  /** False when the member already has an open duty (one open duty per member, enforced by the store). */
  insertDuty(duty: DutyRecord): Promise<boolean>;
  getDuty(id: string): Promise<DutyRecord | null>;
  findOpenDuty(memberId: string): Promise<DutyRecord | null>;
  latestDuty(memberId: string): Promise<DutyRecord | null>;
  /** Compare-and-set from open. */
  closeDuty(id: string, patch: Pick<DutyRecord, 'checkOutAt' | 'closedBy' | 'minutes' | 'points'>): Promise<boolean>;
  listDutiesForMember(memberId: string, limit: number): Promise<DutyRecord[]>;
  dutyMinutesSince(memberId: string, since: number): Promise<number>;
  listOpenDuties(communityId: string | null, limit: number): Promise<DutyRecord[]>;
  insertActivity(activity: ActivityRecord): Promise<void>;
  getActivity(id: string): Promise<ActivityRecord | null>;
  listActivities(communityId: string, scope: 'upcoming' | 'past', now: number, limit: number): Promise<ActivityRecord[]>;
  /** Takes a place only while places are left. */
  takePlace(activityId: string): Promise<boolean>;
  releasePlace(activityId: string): Promise<void>;
  /** Compare-and-set from open. */
  completeActivity(id: string, at: number): Promise<boolean>;
  getSignup(activityId: string, memberId: string): Promise<SignupRecord | null>;
  saveSignup(signup: SignupRecord): Promise<void>;
  listSignups(activityId: string): Promise<SignupRecord[]>;
  listSignupsForMember(memberId: string, limit: number): Promise<SignupRecord[]>;
}

/** An admin's answer to a resident's suggestion (意见建议): adopted or not, with a reply the resident sees. */
export interface SuggestionReplyRecord {
  requestId: string;
  adopted: boolean;
  reply: string;
  repliedBy: string;
  repliedAt: number;
}

export interface DemandFilter {
  communityId: string;
  gridId: string | null;
  category: RequestCategory | null;
  state: RequestState | null;
  /** Submitted at or after. */
  from: number | null;
  /** Submitted before. */
  to: number | null;
}

/** One line of 民意民盼台账. */
export interface DemandRow {
  request: RequestRecord;
  residentName: string;
  gridName: string | null;
  assigneeName: string | null;
  reply: SuggestionReplyRecord | null;
}

export interface DemandRepo {
  list(filter: DemandFilter, page: TPageInput): Promise<Page<DemandRow>>;
  /** Every matching line, oldest first, up to `limit` (exports). */
  listAll(filter: DemandFilter, limit: number): Promise<DemandRow[]>;
  get(requestId: string): Promise<DemandRow | null>;
  getReply(requestId: string): Promise<SuggestionReplyRecord | null>;
  /** False, and nothing written, when the suggestion already has a reply. */
  insertReply(reply: SuggestionReplyRecord): Promise<boolean>;
}

export interface MilestoneRecord {
  title: string;
  dueDate: string;
  doneAt: number | null;
}

/** 民生实事: a livelihood project on the community's ledger. */
export interface ProjectRecord {
  id: string;
  communityId: string;
  title: string;
  description: string;
  ownerDepartment: string;
  /** The community staff member who enters the monthly progress. */
  ownerId: string;
  targetDate: string;
  source: ProjectSource;
  requestId: string | null;
  milestones: MilestoneRecord[];
  status: ProjectStatus;
  supportCount: number;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  writtenOffAt: number | null;
  writeOffNote: string | null;
  /** China date of the last progress reminder, so the scheduler reminds once a day. */
  remindedOn: string | null;
  /** Month whose missing entry has been flagged to the admins. */
  lateFlaggedMonth: string | null;
}

export interface ProgressRecord {
  projectId: string;
  month: string;
  text: string;
  percent: number;
  authorId: string;
  createdAt: number;
}

export type ProjectPatch = Partial<Pick<ProjectRecord, 'milestones' | 'status' | 'writtenOffAt' | 'writeOffNote' | 'remindedOn' | 'lateFlaggedMonth' | 'updatedAt'>>;

export interface ProjectRepo {
  insert(project: ProjectRecord): Promise<void>;
  get(id: string): Promise<ProjectRecord | null>;
  getByRequest(requestId: string): Promise<ProjectRecord | null>;
  list(communityId: string, status: ProjectStatus | null, page: TPageInput): Promise<Page<ProjectRecord>>;
  /** Every project in progress, in all communities (the scheduler's reminders). */
  listInProgress(limit: number): Promise<ProjectRecord[]>;
  /** Compare-and-set on the status. */
  update(id: string, expectedStatus: ProjectStatus, patch: ProjectPatch): Promise<boolean>;
  /** One entry per project and month; a second one that month replaces the first. */
  saveProgress(entry: ProgressRecord): Promise<void>;
  listProgress(projectId: string): Promise<ProgressRecord[]>;
  progressMonths(projectIds: readonly string[]): Promise<Map<string, Set<string>>>;
  /** True the first time this user supports the project (the count goes up once). */
  addSupport(projectId: string, userId: string, at: number): Promise<boolean>;
  supportedBy(userId: string, projectIds: readonly string[]): Promise<Set<string>>;
}

/** 定期评价 of one member for one period. */
export interface EvaluationRecord {
  communityId: string;
  memberId: string;
  period: string;
  grade: EvaluationGrade;
  note: string;
  evaluatedBy: string;
  evaluatedAt: number;
}

export interface EvaluationRepo {
  /** One per member and period; recording again replaces it. */
  save(evaluation: EvaluationRecord): Promise<void>;
  listForPeriod(communityId: string, period: string): Promise<EvaluationRecord[]>;
  listForMember(memberId: string): Promise<EvaluationRecord[]>;
}

/** Communities (one, or a whole district) and optionally one grid of one community. */
export interface StatsScope {
  communityIds: string[];
  gridId: string | null;
}

export interface RequestFact {
  communityId: string;
  gridId: string | null;
  category: RequestCategory;
  state: RequestState;
  createdAt: number;
  acceptedAt: number | null;
  completedAt: number | null;
  ratingStars: number | null;
}

/** What one member did in a period, for rankings and evaluations. */
export interface MemberFigures {
  memberId: string;
  name: string;
  gridId: string | null;
  earned: number;
  tasksCompleted: number;
  ratings: number;
  averageRating: number | null;
}

export interface ReportRepo {
  /** Requests submitted in [from, to). */
  requestFacts(scope: StatsScope, from: number, to: number): Promise<RequestFact[]>;
  /** Requests submitted per China month in [from, to), and how many of them are done. */
  monthlyCounts(scope: StatsScope, from: number, to: number): Promise<{ month: string; submitted: number; completed: number }[]>;
  /** Members who took a request or earned duty or activity points in [from, to). */
  activeMembers(scope: StatsScope, from: number, to: number): Promise<number>;
  /** Points posted in [from, to) by posting kind; a grid counts its members' postings. */
  pointsByKind(scope: StatsScope, from: number, to: number): Promise<Record<string, number>>;
  /** Every approved member of the community with what they earned and did in [from, to). */
  memberFigures(communityId: string, from: number, to: number): Promise<MemberFigures[]>;
}

/** 五步议事: a compound-level proposal residents discuss and vote on. */
export interface DeliberationRecord {
  id: string;
  communityId: string;
  title: string;
  proposal: string;
  /** Buildings whose residents may vote; empty means the whole community. */
  buildingIds: string[];
  options: string[];
  voteStartsAt: number;
  voteEndsAt: number;
  quorumPercent: number;
  status: DeliberationStatus;
  /** Residents who could vote, counted when the notice went out. */
  eligibleCount: number | null;
  decision: string | null;
  actions: string | null;
  projectId: string | null;
  createdBy: string;
  createdAt: number;
  publishedAt: number | null;
  decidedAt: number | null;
  announcedAt: number | null;
}

export type DeliberationPatch = Partial<Pick<DeliberationRecord, 'status' | 'eligibleCount' | 'decision' | 'actions' | 'projectId' | 'publishedAt' | 'decidedAt' | 'announcedAt'>>;

export interface DeliberationCommentRecord {
  id: string;
  deliberationId: string;
  userId: string;
  text: string;
  createdAt: number;
}

export interface DeliberationRepo {
  insert(deliberation: DeliberationRecord): Promise<void>;
  get(id: string): Promise<DeliberationRecord | null>;
  list(communityId: string, includeDrafts: boolean, page: TPageInput): Promise<Page<DeliberationRecord>>;
  /** Compare-and-set on the status. */
  update(id: string, expectedStatus: DeliberationStatus, patch: DeliberationPatch): Promise<boolean>;
  /** Residents of the community (of these buildings, when any) who may vote. */
  eligibleVoters(communityId: string, buildingIds: readonly string[]): Promise<string[]>;
  saveVoters(deliberationId: string, userIds: readonly string[]): Promise<void>;
  isVoter(deliberationId: string, userId: string): Promise<boolean>;
  /** False, and nothing written, when this resident has already voted. */
  insertVote(deliberationId: string, userId: string, optionIndex: number, at: number): Promise<boolean>;
  getVote(deliberationId: string, userId: string): Promise<number | null>;
  listVotes(deliberationId: string): Promise<number[]>;
  listVoters(deliberationId: string): Promise<string[]>;
  insertComment(comment: DeliberationCommentRecord): Promise<void>;
  listComments(deliberationId: string, limit: number): Promise<DeliberationCommentRecord[]>;
}

/**
 * One-time subscribe-message authorisations (一次性订阅) a user granted by tapping 允许, per template
 * key: each allows exactly one message.
 */
export interface SubscriptionRepo {
  /** Adds one authorisation for each template key the user accepted in one prompt. */
  grant(userId: string, templateKeys: readonly string[], at: number): Promise<void>;
  /** Uses one authorisation; false, and nothing changed, when none is left. */
  consume(userId: string, templateKey: string): Promise<boolean>;
  /** WeChat answered 43101 (none left on its side): forget what we counted. */
  reset(userId: string, templateKey: string): Promise<void>;
  count(userId: string, templateKey: string): Promise<number>;
}

/** Repositories bound to one transaction (or one read). */
export interface Tx {
  users: UserRepo;
  communities: CommunityRepo;
  members: MemberRepo;
  requests: RequestRepo;
  offers: OfferRepo;
  events: EventRepo;
  outbox: OutboxRepo;
  ledger: LedgerRepo;
  shops: ShopRepo;
  servicePoints: ServicePointRepo;
  escalations: EscalationRepo;
  catalog: CatalogRepo;
  redemptions: RedemptionRepo;
  service: ServiceRepo;
  demand: DemandRepo;
  projects: ProjectRepo;
  evaluations: EvaluationRepo;
  reports: ReportRepo;
  deliberations: DeliberationRepo;
  subscriptions: SubscriptionRepo;
}

export interface Store {
  /** All-or-nothing. The callback may run more than once (CloudBase retries): no side effects inside. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  read<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

export interface Notifier {
  /** Pushes one outbox message; returns the channel it went out on. */
  deliver(message: OutboxRecord): Promise<string>;
}

/** Where a QR code for a scene can be fetched, and the page it opens. */
export interface QrCodes {
  imageUrl(scene: string): Promise<string>;
  pageUrl(scene: string): string;
}

export interface Files {
  exists(fileId: string): Promise<boolean>;
  urlFor(fileId: string): string;
  /** Stores a generated export and returns a temporary download link (cloud storage in production). */
  saveExport(fileName: string, bytes: Uint8Array): Promise<{ url: string; expiresAt: number }>;
}

/** msgSecCheck v2's verdicts: pass; review = a person must look first (held for an admin); risky = refused. */
export type ContentVerdict = 'pass' | 'review' | 'risky';
/** msgSecCheck v2 scenes: 1 资料 (profile), 2 评论 (comment), 3 论坛 (forum), 4 社交日志 (social). */
export type ContentScene = 'profile' | 'comment' | 'forum' | 'social';

export interface ContentCheck {
  /** Checks user text before it is stored or shown to others. */
  check(text: string, openid: string, scene: ContentScene): Promise<ContentVerdict>;
}

export interface Runtime {
  store: Store;
  contentCheck: ContentCheck;
  clock: Clock;
  notifier: Notifier;
  files: Files;
  qrCodes: QrCodes;
  /** Secret for redemption and pickup codes (HMAC); from the environment in production. */
  signingKey: string;
  /** The caller's OPENID, from the platform context; never from the event payload. */
  identify(event: unknown, context: unknown): Promise<string | null>;
  /** True when the event came from the scheduler's timer trigger. */
  isTimerEvent(event: unknown, context: unknown): boolean;
  log(level: 'info' | 'warn' | 'error', message: string, detail?: unknown): void;
}

/** The resolved caller of an action. */
export type Caller = UserRecord;
