import { createHash } from 'node:crypto';
import { generateDistrict, type DistrictSize } from '../../src/server/seed/generate-district';
import { CENTRAL_HOUSEHOLD_MEMBERS } from '../../src/shared/domain/structure-rules';
import { createTestWorld, type TestWorld } from '../support/test-runtime';

// A tenth of the reported district keeps the test fast; the benchmark runs the full size.
const SMALL: DistrictSize = { communities: 4, grids: 28, centralHouseholds: 58, members: 560, households: 3500, householdsPerMember: 15 };

let worlds: TestWorld[] = [];
const fresh = () => {
  const world = createTestWorld();
  worlds.push(world);
  return world;
};
afterEach(() => {
  for (const world of worlds) world.close();
  worlds = [];
});

function digest(world: TestWorld): string {
  const db = world.local.store.db;
  const rows = ['SELECT id, name, phone, roles, home_lat FROM users ORDER BY id', 'SELECT * FROM members ORDER BY user_id', 'SELECT * FROM member_households ORDER BY 1, 2'];
  return createHash('sha256')
    .update(rows.map((sql) => JSON.stringify(db.prepare(sql).all())).join())
    .digest('hex');
}

test('the same seed makes the same district, another seed another one', () => {
  const [a, b, c] = [fresh(), fresh(), fresh()];
  generateDistrict(a.local.store.db, { seed: 42, now: 0, size: SMALL });
  generateDistrict(b.local.store.db, { seed: 42, now: 0, size: SMALL });
  generateDistrict(c.local.store.db, { seed: 43, now: 0, size: SMALL });
  expect(digest(a)).toBe(digest(b));
  expect(digest(a)).not.toBe(digest(c));
});

test('it has the asked-for size and the 1+5+15 shape', async () => {
  const world = fresh();
  const district = generateDistrict(world.local.store.db, { seed: 1, now: world.clock.now(), size: SMALL });
  expect(district.counts).toMatchObject({ members: 560, households: 3500, centralHouseholds: 58, grids: 28 });
  expect(world.count('members')).toBe(560);
  expect(world.count('households')).toBe(3500);
  const sizes = world.local.store.db.prepare('SELECT COUNT(*) AS n FROM central_household_members GROUP BY central_household_id').all() as { n: number }[];
  expect(sizes).toHaveLength(58);
  for (const { n } of sizes) {
    expect(n).toBeGreaterThanOrEqual(CENTRAL_HOUSEHOLD_MEMBERS.min);
    expect(n).toBeLessThanOrEqual(CENTRAL_HOUSEHOLD_MEMBERS.max);
  }
  const perMember = world.local.store.db.prepare('SELECT COUNT(*) AS n FROM member_households GROUP BY member_id').all() as { n: number }[];
  expect(new Set(perMember.map((row) => row.n))).toEqual(new Set([15]));

  // The generated district works through the product's own actions.
  const admin = district.adminOpenids[0];
  const page = await world.ok('community', 'listMembers', { status: 'approved', limit: 20 }, admin);
  expect(page.items).toHaveLength(20);
  expect(page.nextCursor).not.toBeNull();
  expect(await world.call('community', 'listCommunities', {}, admin)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});
