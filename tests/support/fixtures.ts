import { offset, DEMO_CENTER, seedDemoData } from '../../src/server/seed/demo-data';
import { SeedWriter } from '../../src/server/seed/seed-writer';
import type { DispatchPolicyOverrides } from '../../src/shared/domain/dispatch-policy';
import { PERMISSIONS, type ActionName } from '../../src/shared/domain/permissions';
import type { Role } from '../../src/shared/domain/roles';
import type { TestWorld } from './test-runtime';

export const RESIDENT = 'demo-resident-1'; // 张秀英, household h_demo_1, grid 1
export const OTHER_RESIDENT = 'demo-resident-3';
export const LINKED_MEMBER = 'demo-member-1'; // 王建国, 水电维修, linked to h_demo_1
export const PLUMBER_2 = 'demo-member-3'; // 张志强, 水电维修
export const PLUMBER_3 = 'demo-member-7'; // 赵卫东, 水电维修
export const FAR_PLUMBER = 'demo-member-11'; // 徐海涛, 水电维修, ~1.8 km away
export const POLICY_MEMBER = 'demo-member-2'; // 李红梅, no plumbing skills
export const ADMIN = 'demo-admin';
export const GRID_WORKER = 'demo-gridworker-1';
export const SHOP_STAFF = 'demo-shop-1';
export const DISTRICT_VIEWER = 'demo-district';
export const APPLICANT = 'demo-applicant-1';
export const OTHER_ADMIN = 'demo-admin-2'; // admin of c_demo_2, same district
export const OTHER_MEMBER = 'demo-member-other';

/** A demo user holding each role (in c_demo). */
export const OPENID_BY_ROLE: Record<Role, string> = {
  resident: RESIDENT,
  member: LINKED_MEMBER,
  volunteer: LINKED_MEMBER,
  grid_worker: GRID_WORKER,
  shop_staff: SHOP_STAFF,
  admin: ADMIN,
  district_viewer: DISTRICT_VIEWER,
};

/** Someone allowed to call the action, for tests that are about something else (validation, say). */
export function allowedCaller(action: ActionName): string {
  const allowed: readonly Role[] | 'anyone' | 'visitor' = PERMISSIONS[action];
  return allowed === 'anyone' || allowed === 'visitor' ? RESIDENT : OPENID_BY_ROLE[allowed[0]];
}

export const RESIDENT_HOME = offset(DEMO_CENTER, 150, 90);

/**
 * The demo community without its six months of history: these tests count the rows they write (requests,
 * offers, postings, inbox lines), so they start from the bare demo. tests/functions/demo-history.test.ts
 * and the browser tests run with the history, as `npm start` seeds it.
 */
export function seedDemo(world: TestWorld, options: { history?: boolean } = {}): void {
  seedDemoData(world.local.store.db, world.clock.now(), { history: options.history ?? false });
}

let tokenCounter = 0;
export function newToken(): string {
  tokenCounter += 1;
  return `test-token-${tokenCounter}-${Math.random().toString(36).slice(2, 8)}`;
}

export function repairRequest(overrides: Record<string, unknown> = {}) {
  return {
    clientToken: newToken(),
    category: 'repair' as const,
    description: '厨房水管漏水，地上全是水',
    address: '幸福里小区 3 栋 2 单元 401',
    location: RESIDENT_HOME,
    urgency: 'normal' as const,
    photos: [],
    ...overrides,
  };
}

/** A community where `count` plumbers live within 500 m and every one of them is offered at once. */
export function seedCrowd(world: TestWorld, count: number, policy: DispatchPolicyOverrides = { batchSize: count }): { residentOpenid: string; memberOpenids: string[] } {
  const seed = new SeedWriter(world.local.store.db, world.clock.now());
  const memberOpenids: string[] = [];
  seed.inTransaction(() => {
    seed.community({ id: 'c_crowd', name: '人多社区', center: DEMO_CENTER, dispatchPolicy: policy });
    seed.grid({ id: 'g_crowd', communityId: 'c_crowd', name: '一网格' });
    seed.user({ id: 'u_crowd_resident', openid: 'crowd-resident', name: '居民甲', phone: '13811112222', communityId: 'c_crowd', roles: ['resident'], gridId: 'g_crowd' });
    for (let index = 0; index < count; index++) {
      const openid = `crowd-member-${index}`;
      const userId = `u_crowd_member_${index}`;
      const home = offset(DEMO_CENTER, (index % 10) * 40, Math.floor(index / 10) * 40);
      seed.user({ id: userId, openid, name: `党员${index}`, phone: `1390000${String(index).padStart(4, '0')}`, communityId: 'c_crowd', roles: ['member'], gridId: 'g_crowd', home });
      seed.member({ userId, communityId: 'c_crowd', gridId: 'g_crowd', skills: ['水电维修'], home });
      memberOpenids.push(openid);
    }
  });
  return { residentOpenid: 'crowd-resident', memberOpenids };
}
