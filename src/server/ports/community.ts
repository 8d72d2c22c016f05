import type { Page, TPageInput } from '../../shared/contracts/common';
import type { AvailablePeriod, CommunitySettings, MemberKind } from '../../shared/domain/community-settings';
import type { DispatchPolicyOverrides } from '../../shared/domain/dispatch-policy';
import type { EarningRules } from '../../shared/domain/points-rules';
import type { DispatchCandidate } from '../../shared/domain/dispatch-ranking';
import type { LatLng } from '../../shared/domain/geo';
import type { Role } from '../../shared/domain/roles';

// Users, communities and their structure (grids, buildings, households, 党员中心户), and party members.

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
  /** When the person deleted their account (注销); the record then only stands in for them in ledgers. */
  leftAt?: number;
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
  /**
   * 注销: the record keeps its id (ledgers refer to it) and community, and loses the rest: name, phone,
   * address, home, household, roles; the openid is freed, so the same WeChat user may join again as
   * someone new.
   */
  erase(id: string, at: number): Promise<void>;
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
  /** Removes a registration (and its place in the dispatch index): the member left. */
  remove(userId: string): Promise<void>;
  /** Household id → names of the members linked to it, and of its residents. */
  householdPeople(householdIds: readonly string[]): Promise<Record<string, { members: string[]; residents: string[] }>>;
}

/** The resolved caller of an action. */
export type Caller = UserRecord;
