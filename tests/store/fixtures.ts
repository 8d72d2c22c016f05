import type { Page, TPageInput } from '../../src/shared/contracts/common';
import type { LatLng } from '../../src/shared/domain/geo';
import type { Role } from '../../src/shared/domain/roles';
import type { MemberRecord, RequestRecord, Store, UserRecord } from '../../src/server/ports';

export const T0 = Date.UTC(2026, 10, 2, 1, 0, 0);
export const DAY = 24 * 60 * 60 * 1000;

/** Four-digit ids that sort as numbers do. */
export const pad = (index: number) => String(index).padStart(4, '0');

/** Every page of a paged list, following cursors, and how many pages it took (guarding against a cursor that never ends). */
export async function allPagesCounted<T>(fetch: (page: TPageInput) => Promise<Page<T>>, limit: number): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let pages = 1; pages < 1000; pages++) {
    const page = await fetch({ limit, cursor });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    if (!page.nextCursor) return { items, pages };
    cursor = page.nextCursor;
  }
  throw new Error('paging never ended');
}

/** Every item of a paged list, following cursors. */
export async function allPages<T>(fetch: (page: TPageInput) => Promise<Page<T>>, limit: number): Promise<T[]> {
  return (await allPagesCounted(fetch, limit)).items;
}

/** Newest first on (createdAt, id), the order of every keyset-paged list. */
export const newestFirst = <T extends { createdAt: number; id: string }>(a: T, b: T) => b.createdAt - a.createdAt || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0);
export const CENTER: LatLng = { lat: 30.2741, lng: 120.1551 };

/** A point `east` metres east and `north` metres north of `from` (close enough at city scale). */
export function offset(from: LatLng, east: number, north: number): LatLng {
  return { lat: from.lat + north / 111_320, lng: from.lng + east / (111_320 * Math.cos((from.lat * Math.PI) / 180)) };
}

export function user(id: string, overrides: Partial<UserRecord> = {}): UserRecord {
  return {
    id,
    openid: `openid-${id}`,
    name: `用户${id}`,
    phone: '13800000000',
    communityId: 'c1',
    gridId: 'g1',
    householdId: null,
    roles: ['resident'] as Role[],
    address: '幸福里 3 栋 101',
    home: CENTER,
    createdAt: T0,
    ...overrides,
  };
}

export function member(userId: string, overrides: Partial<MemberRecord> = {}): MemberRecord {
  return {
    userId,
    communityId: 'c1',
    gridId: 'g1',
    kind: 'member',
    workUnit: '区住建局',
    skills: ['水电维修'],
    availableHours: ['weekday_day', 'weekday_evening', 'weekend_day', 'weekend_evening'],
    posts: [],
    status: 'approved',
    onLeave: false,
    home: CENTER,
    reviewNote: null,
    appliedAt: T0,
    reviewedAt: T0,
    reviewedBy: 'admin1',
    ...overrides,
  };
}

/** A resident's request in c1 with every field set; tests override what they look at. */
export function request(id: string, overrides: Partial<RequestRecord> = {}): RequestRecord {
  return {
    id,
    communityId: 'c1',
    gridId: 'g1',
    householdId: 'h1',
    residentId: 'resident1',
    filedBy: 'resident1',
    filedByName: null,
    clientToken: `token-${id}`,
    category: 'repair',
    description: '水龙头漏水',
    address: '3 栋 101',
    contactName: '李奶奶',
    contactPhone: '13800000000',
    location: CENTER,
    urgency: 'normal',
    photos: [],
    state: 'submitted',
    round: 0,
    roundDeadline: null,
    assigneeId: null,
    completionNote: null,
    completionPhotos: [],
    ratingStars: null,
    ratingComment: null,
    pointsAwarded: null,
    createdAt: T0,
    updatedAt: T0,
    acceptedAt: null,
    completedAt: null,
    ratedAt: null,
    cancelledAt: null,
    duplicateOf: null,
    previousAssigneeId: null,
    reopenedAt: null,
    neededSkill: null,
    ...overrides,
  };
}

/**
 * Two communities of one district through the store's own ports: c1 with grids g1/g2, a building,
 * three households, an admin, two residents and three approved members; c2 with one resident.
 */
export async function seedCommunities(store: Store): Promise<void> {
  await store.transaction(async (tx) => {
    for (const [id, name] of [
      ['c1', '幸福里社区'],
      ['c2', '和平社区'],
    ] as const) {
      await tx.communities.insert({ id, districtId: 'd1', name, center: CENTER, dispatchPolicy: null, settings: null, earningRules: null, createdAt: T0 });
    }
    await tx.communities.insertGrid({ id: 'g1', communityId: 'c1', name: '第一网格' });
    await tx.communities.insertGrid({ id: 'g2', communityId: 'c1', name: '第二网格' });
    await tx.communities.insertGrid({ id: 'g9', communityId: 'c2', name: '和平网格' });
    await tx.communities.insertBuilding({ id: 'b1', communityId: 'c1', gridId: 'g1', name: '3 栋' });
    for (const index of [1, 2, 3]) {
      await tx.communities.insertHousehold({ id: `h${index}`, communityId: 'c1', gridId: 'g1', buildingId: 'b1', address: `3 栋 10${index}` });
    }
    await tx.users.insert(user('admin1', { roles: ['admin'], name: '王书记' }));
    await tx.users.insert(user('resident1', { householdId: 'h1', name: '李奶奶' }));
    await tx.users.insert(user('resident2', { householdId: 'h2', name: '张大爷', home: offset(CENTER, 300, 0) }));
    await tx.users.insert(user('resident9', { communityId: 'c2', gridId: 'g9', name: '外社区居民' }));
    const members: [string, LatLng, string | null][] = [
      ['member1', offset(CENTER, 100, 0), 'g1'],
      ['member2', offset(CENTER, 0, 800), 'g2'],
      ['member3', offset(CENTER, 2500, 0), 'g1'],
    ];
    for (const [id, home, gridId] of members) {
      await tx.users.insert(user(id, { roles: ['resident', 'member'], name: `党员${id.slice(-1)}`, home, gridId }));
      await tx.members.save(member(id, { home, gridId }));
    }
  });
}
