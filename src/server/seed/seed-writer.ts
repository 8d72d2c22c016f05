import type Database from 'better-sqlite3';
import type { DispatchPolicyOverrides } from '../../shared/domain/dispatch-policy';
import type { LatLng } from '../../shared/domain/geo';
import type { Role } from '../../shared/domain/roles';

/** Direct inserts for demo data, tests and generators; the product itself writes only through use cases. */
export class SeedWriter {
  private readonly statements;

  constructor(
    private readonly db: Database.Database,
    private readonly now: number,
  ) {
    this.statements = {
      community: db.prepare('INSERT INTO communities (id, name, center_lat, center_lng, dispatch_policy, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
      grid: db.prepare('INSERT INTO grids (id, community_id, name) VALUES (?, ?, ?)'),
      household: db.prepare('INSERT INTO households (id, community_id, grid_id, address) VALUES (?, ?, ?, ?)'),
      user: db.prepare(`INSERT INTO users (id, openid, name, phone, community_id, grid_id, household_id, roles, address, home_lat, home_lng, created_at)
        VALUES (@id, @openid, @name, @phone, @communityId, @gridId, @householdId, @roles, @address, @homeLat, @homeLng, @createdAt)`),
      member: db.prepare(`INSERT INTO members (user_id, community_id, grid_id, skills, status, on_leave, home_lat, home_lng)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      location: db.prepare('INSERT INTO member_locations (id, min_lat, max_lat, min_lng, max_lng) VALUES (?, ?, ?, ?, ?)'),
      link: db.prepare('INSERT INTO member_households (member_id, household_id) VALUES (?, ?)'),
    };
  }

  community(input: { id: string; name: string; center: LatLng; dispatchPolicy?: DispatchPolicyOverrides }): void {
    this.statements.community.run(input.id, input.name, input.center.lat, input.center.lng, input.dispatchPolicy ? JSON.stringify(input.dispatchPolicy) : null, this.now);
  }

  grid(input: { id: string; communityId: string; name: string }): void {
    this.statements.grid.run(input.id, input.communityId, input.name);
  }

  household(input: { id: string; communityId: string; gridId: string | null; address: string }): void {
    this.statements.household.run(input.id, input.communityId, input.gridId, input.address);
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
    status?: 'pending' | 'approved' | 'rejected';
    onLeave?: boolean;
    linkedHouseholds?: string[];
  }): void {
    const { lastInsertRowid } = this.statements.member.run(
      input.userId,
      input.communityId,
      input.gridId,
      JSON.stringify(input.skills),
      input.status ?? 'approved',
      input.onLeave ? 1 : 0,
      input.home.lat,
      input.home.lng,
    );
    this.statements.location.run(lastInsertRowid, input.home.lat, input.home.lat, input.home.lng, input.home.lng);
    for (const householdId of input.linkedHouseholds ?? []) this.statements.link.run(input.userId, householdId);
  }

  inTransaction(work: () => void): void {
    this.db.transaction(work)();
  }
}
