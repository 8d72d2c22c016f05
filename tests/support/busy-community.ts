import { DEMO_CENTER, DEMO_COMMUNITY_ID, offset } from '../../src/server/seed/demo-data';
import { generateActivity } from '../../src/server/seed/generate-activity';
import { SeedWriter } from '../../src/server/seed/seed-writer';
import { seedDemo } from './fixtures';
import type { TestWorld } from './test-runtime';

const DAY_MS = 86_400_000;
/** The "busy" community: about 150 members and 1,000 requests a month. */
export const BUSY = { members: 140, residents: 200, months: 3, requestsPerMonth: 1000 } as const;
const SKILLS = [['水电维修'], ['代跑代办', '政策咨询'], ['助老陪护'], ['水电维修', '代跑代办'], ['心理疏导', '助老陪护'], ['政策咨询']];

/**
 * The demo community grown busy: 140 more members and 200 more residents spread over ~1.5 km, and
 * the last three months' requests (about 1,000 a month, in every state) with their offers, timelines
 * and points, so lists, dispatch and statistics read what a busy community holds.
 */
export function seedBusyCommunity(world: TestWorld): void {
  seedDemo(world);
  const db = world.local.store.db;
  const now = world.clock.now();
  const since = now - BUSY.months * 30 * DAY_MS;
  const seed = new SeedWriter(db, since - 7 * DAY_MS);
  const c = DEMO_COMMUNITY_ID;
  const residentIds: string[] = [];
  const memberIds: string[] = [];
  // Spread on a spiral: deterministic, every home a different distance from the centre.
  const place = (index: number, reach: number) => {
    const angle = index * 2.399963;
    const radius = reach * Math.sqrt((index + 1) / (BUSY.members + BUSY.residents));
    return offset(DEMO_CENTER, Math.round(radius * Math.cos(angle)), Math.round(radius * Math.sin(angle)));
  };
  seed.inTransaction(() => {
    for (let n = 1; n <= BUSY.residents; n++) {
      const householdId = `h_busy_${n}`;
      const gridId = `g_demo_${1 + (n % 2)}`;
      const address = `幸福里 ${1 + (n % 12)} 栋 ${1 + (n % 3)} 单元 ${1 + (n % 6)}0${1 + (n % 4)}`;
      seed.household({ id: householdId, communityId: c, gridId, address });
      const userId = `u_busy_resident_${n}`;
      seed.user({ id: userId, openid: `busy-resident-${n}`, name: `居民${n}`, phone: `1382000${String(n).padStart(4, '0')}`, communityId: c, roles: ['resident'], gridId, householdId, address, home: place(n, 1500) });
      residentIds.push(userId);
    }
    for (let n = 1; n <= BUSY.members; n++) {
      const userId = `u_busy_member_${n}`;
      const gridId = `g_demo_${1 + (n % 2)}`;
      const home = place(BUSY.residents + n, 1500);
      seed.user({ id: userId, openid: `busy-member-${n}`, name: `党员${n}`, phone: `1392000${String(n).padStart(4, '0')}`, communityId: c, roles: ['member', 'resident'], gridId, home });
      seed.member({ userId, communityId: c, gridId, skills: SKILLS[n % SKILLS.length], home });
      memberIds.push(userId);
    }
  });
  generateActivity(db, { seed: 17, communityIds: [c], from: since, to: now - DAY_MS, requests: BUSY.months * BUSY.requestsPerMonth, residentIds, memberIds });
}
