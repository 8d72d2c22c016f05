import type Database from 'better-sqlite3';
import { memberIndexWriter } from '../adapters/sqlite/member-cells';
import type { DispatchPolicyOverrides } from '../../shared/domain/dispatch-policy';
import { AVAILABLE_PERIODS } from '../../shared/domain/community-settings';
import type { LatLng } from '../../shared/domain/geo';
import type { Role } from '../../shared/domain/roles';
import type { OpeningHours } from '../../shared/domain/structure-rules';

/** Direct inserts for demo data, tests and generators; the product itself writes only through use cases. */
export class SeedWriter {
  private readonly statements;
  private readonly reindex;

  constructor(
    private readonly db: Database.Database,
    private readonly now: number,
  ) {
    this.reindex = memberIndexWriter(db);
    this.statements = {
      community: db.prepare('INSERT INTO communities (id, district_id, name, center_lat, center_lng, dispatch_policy, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      building: db.prepare('INSERT INTO buildings (id, community_id, grid_id, name) VALUES (?, ?, ?, ?)'),
      centralHousehold: db.prepare('INSERT INTO central_households (id, community_id, grid_id, name, household_id, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
      centralMember: db.prepare('INSERT INTO central_household_members (central_household_id, member_id) VALUES (?, ?)'),
      shop: db.prepare('INSERT INTO shops (id, community_id, name, kind, description, invite_code, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      shopStaff: db.prepare('INSERT INTO shop_staff (shop_id, user_id, joined_at) VALUES (?, ?, ?)'),
      servicePoint: db.prepare(`INSERT INTO service_points (id, community_id, name, kind, lat, lng, radius_m, opening_hours, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      grid: db.prepare('INSERT INTO grids (id, community_id, name) VALUES (?, ?, ?)'),
      household: db.prepare('INSERT INTO households (id, community_id, grid_id, building_id, address) VALUES (?, ?, ?, ?, ?)'),
      user: db.prepare(`INSERT INTO users (id, openid, name, phone, community_id, grid_id, household_id, roles, address, home_lat, home_lng, created_at)
        VALUES (@id, @openid, @name, @phone, @communityId, @gridId, @householdId, @roles, @address, @homeLat, @homeLng, @createdAt)`),
      member: db.prepare(`INSERT INTO members (user_id, community_id, grid_id, kind, work_unit, skills, available_hours, status, on_leave, home_lat, home_lng, applied_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      link: db.prepare('INSERT INTO member_households (member_id, household_id) VALUES (?, ?)'),
      catalogItem: db.prepare(`INSERT INTO catalog_items (id, shop_id, community_id, name, kind, description, price, stock, monthly_limit, photos, on_shelf, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', 1, ?, ?)`),
      account: db.prepare(`INSERT INTO accounts (id, community_id, kind, owner_id, balance, held, allow_negative) VALUES (?, ?, ?, ?, 0, 0, ?)
        ON CONFLICT (id) DO NOTHING`),
      moveBalance: db.prepare('UPDATE accounts SET balance = balance + ? WHERE id = ?'),
      posting: db.prepare(`INSERT INTO postings (id, idempotency_key, community_id, debit_account_id, credit_account_id, amount, kind, ref, memo, payload_hash, actor_id, created_at)
        VALUES (?, ?, ?, ?, ?, ?, 'opening_balance', NULL, ?, 'seed', NULL, ?)`),
    };
  }

  community(input: { id: string; name: string; center: LatLng; districtId?: string; dispatchPolicy?: DispatchPolicyOverrides }): void {
    const policy = input.dispatchPolicy ? JSON.stringify(input.dispatchPolicy) : null;
    this.statements.community.run(input.id, input.districtId ?? 'd_default', input.name, input.center.lat, input.center.lng, policy, this.now);
  }

  building(input: { id: string; communityId: string; gridId: string | null; name: string }): void {
    this.statements.building.run(input.id, input.communityId, input.gridId, input.name);
  }

  centralHousehold(input: { id: string; communityId: string; gridId: string | null; name: string; householdId?: string | null; memberIds: string[] }): void {
    this.statements.centralHousehold.run(input.id, input.communityId, input.gridId, input.name, input.householdId ?? null, this.now);
    for (const memberId of input.memberIds) this.statements.centralMember.run(input.id, memberId);
  }

  shop(input: { id: string; communityId: string; name: string; kind: string; inviteCode: string; description?: string; staffIds?: string[] }): void {
    this.statements.shop.run(input.id, input.communityId, input.name, input.kind, input.description ?? '', input.inviteCode, this.now);
    for (const userId of input.staffIds ?? []) this.statements.shopStaff.run(input.id, userId, this.now);
  }

  servicePoint(input: { id: string; communityId: string; name: string; kind: string; location: LatLng; radiusM: number; openingHours: OpeningHours }): void {
    this.statements.servicePoint.run(input.id, input.communityId, input.name, input.kind, input.location.lat, input.location.lng, input.radiusM, JSON.stringify(input.openingHours), this.now);
  }

  grid(input: { id: string; communityId: string; name: string }): void {
    this.statements.grid.run(input.id, input.communityId, input.name);
  }

  household(input: { id: string; communityId: string; gridId: string | null; buildingId?: string | null; address: string }): void {
    this.statements.household.run(input.id, input.communityId, input.gridId, input.buildingId ?? null, input.address);
  }

  user(input: {
    id: string;
    openid: string;
    name: string;
    phone: string;
    communityId: string;
    roles: Role[];
    gridId?: string | null;
    householdId?: string | null;
    address?: string;
    home?: LatLng | null;
  }): void {
    this.statements.user.run({
      id: input.id,
      openid: input.openid,
      name: input.name,
      phone: input.phone,
      communityId: input.communityId,
      gridId: input.gridId ?? null,
      householdId: input.householdId ?? null,
      roles: JSON.stringify(input.roles),
      address: input.address ?? '',
      homeLat: input.home?.lat ?? null,
      homeLng: input.home?.lng ?? null,
      createdAt: this.now,
    });
  }

  /** A user who is also an approved (or pending) party member with a home on the map. */
  member(input: {
    userId: string;
    communityId: string;
    gridId: string | null;
    skills: string[];
    home: LatLng;
    kind?: 'member' | 'volunteer';
    workUnit?: string;
    availableHours?: string[];
    status?: 'pending' | 'approved' | 'rejected';
    onLeave?: boolean;
    linkedHouseholds?: string[];
  }): void {
    this.statements.member.run(
      input.userId,
      input.communityId,
      input.gridId,
      input.kind ?? 'member',
      input.workUnit ?? '',
      JSON.stringify(input.skills),
      JSON.stringify(input.availableHours ?? AVAILABLE_PERIODS),
      input.status ?? 'approved',
      input.onLeave ? 1 : 0,
      input.home.lat,
      input.home.lng,
      this.now,
    );
    this.reindex(input.userId);
    for (const householdId of input.linkedHouseholds ?? []) this.statements.link.run(input.userId, householdId);
  }

  catalogItem(input: { id: string; shopId: string; communityId: string; name: string; kind: 'goods' | 'service'; price: number; stock: number | null; monthlyLimit?: number | null; description?: string }): void {
    const { id, shopId, communityId, name, kind, price, stock } = input;
    this.statements.catalogItem.run(id, shopId, communityId, name, kind, input.description ?? '', price, stock, input.monthlyLimit ?? null, this.now, this.now);
  }

  /** Points carried over from the paper ledger when a community starts: one balanced posting from its issuance. */
  openingPoints(input: { communityId: string; memberId: string; amount: number }): void {
    const issuance = `issuance:${input.communityId}`;
    const member = `member:${input.memberId}`;
    this.statements.account.run(issuance, input.communityId, 'issuance', input.communityId, 1);
    this.statements.account.run(member, input.communityId, 'member', input.memberId, 0);
    this.statements.moveBalance.run(-input.amount, issuance);
    this.statements.moveBalance.run(input.amount, member);
    this.statements.posting.run(`p_seed_${input.memberId}`, `opening:${input.memberId}`, input.communityId, issuance, member, input.amount, '历史积分结转', this.now);
  }

  inTransaction(work: () => void): void {
    this.db.transaction(work)();
  }
}
