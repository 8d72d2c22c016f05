import { createCloudWorld, type CloudWorld } from '../support/cloud-world';
import { RESIDENT, repairRequest, seedDemo } from '../support/fixtures';
import { BUDGETS, measureUserActions, type MeasuredAction } from '../support/round-trips';
import { seedBusyCommunity } from '../support/busy-community';
import { generateActivity } from '../../src/server/seed/generate-activity';
import { generateDistrict } from '../../src/server/seed/generate-district';
import { SeedWriter } from '../../src/server/seed/seed-writer';

const DAY_MS = 86_400_000;

/** The measured actions over their budget, as a readable list (empty when all are within). */
const overBudget = (measured: MeasuredAction[]) =>
  measured.flatMap(({ label, kind, figures }) => (kind !== 'job' && figures.sequential > BUDGETS[kind] ? [`${label}: ${figures.sequential} round trips (budget ${BUDGETS[kind]})`] : []));

/**
 * What each tap costs on CloudBase, counted on the twin (calls issued together share one round trip;
 * a transaction's start and commit count). The budgets are DESIGN.md's: at 25 ms a round trip, a
 * write stays near 0.3 s after the cold start. Counts are deterministic, so these are exact checks.
 */
describe('round-trip budgets on the CloudBase store', () => {
  let world: CloudWorld;
  let measured: MeasuredAction[];
  beforeAll(async () => {
    world = await createCloudWorld((w) => seedDemo(w), ['c_demo', 'c_demo_2']);
    measured = await measureUserActions(world);
  });
  afterAll(() => world.close());

  test('every action a user waits for, and an idle scheduler tick, is within its budget', () => {
    expect(overBudget(measured)).toEqual([]);
    // The list covers the loop and the till, so a budget that is met by skipping the action is not met.
    expect(measured.map((row) => row.label)).toEqual(expect.arrayContaining(['requests.submit (with dispatch)', 'requests.accept', 'requests.complete', 'requests.rate', 'points.redeem', 'scheduler tick (idle)']));
  });

  test('a transaction sends its new documents as inserts, without reading first whether they exist', () => {
    const submit = measured.find((row) => row.label === 'requests.submit (with dispatch)');
    expect(submit?.figures.byKind.insert).toBeGreaterThan(0);
    // The caller, the token and filer keys and the timeline counter: nothing is read to check a fresh id.
    expect(submit?.figures.byKind.get).toBeLessThanOrEqual(8);
  });

  test('the candidate search runs before the submit transaction opens', async () => {
    world.counter.trace = [];
    await world.measure('requests', 'submit', { ...repairRequest(), clientToken: 'budget-trace-0001' }, RESIDENT);
    const trace = world.counter.trace.map((line) => line.split(' '));
    world.counter.trace = null;
    const waveOf = (kind: string, collection: string) => trace.filter(([, k, c]) => k === kind && (c ?? '') === collection).map(([wave]) => Number(wave));
    const started = waveOf('startTransaction', '');
    expect(started).toHaveLength(1);
    expect(waveOf('geoNear', 'members').length).toBeGreaterThan(0);
    expect(Math.max(...waveOf('geoNear', 'members'), ...waveOf('geoNear', 'requests'))).toBeLessThan(started[0]);
  });
});

describe('round-trip budgets in a busy community (about 150 members, 1,000 requests a month)', () => {
  let world: CloudWorld;
  let measured: MeasuredAction[];
  beforeAll(async () => {
    world = await createCloudWorld((w) => seedBusyCommunity(w), ['c_demo', 'c_demo_2']);
    measured = await measureUserActions(world);
  }, 60_000);
  afterAll(() => world.close());

  test('the same budgets hold, the month of statistics included, whatever the community holds', () => {
    expect(overBudget(measured)).toEqual([]);
    const statistics = measured.find((row) => row.label === 'reports.getStatistics (community month)');
    // The month is summed by the database: groups come back, not the month's 1,000 requests one page at a time.
    expect(statistics?.figures.byKind.aggregate).toBeGreaterThan(0);
    expect(statistics?.figures.byKind.find).toBeLessThanOrEqual(6);
  });
});

describe('round-trip budgets for a district month of statistics', () => {
  test('a district of 40 communities: the month of statistics and its export in at most 6 round trips', async () => {
    const communityIds: string[] = [];
    const world = await createCloudWorld((w) => {
      const db = w.local.store.db;
      const now = w.clock.now();
      const district = generateDistrict(db, { seed: 3, now: now - 70 * DAY_MS, size: { communities: 40, grids: 80, centralHouseholds: 40, members: 400, households: 800, householdsPerMember: 2 } });
      communityIds.push(...district.communityIds);
      // October 2026 and September before it, in China time.
      generateActivity(db, { seed: 3, communityIds: district.communityIds, from: Date.UTC(2026, 7, 31, 16), to: Date.UTC(2026, 9, 31, 16), requests: 6000 });
      const seed = new SeedWriter(db, now);
      seed.inTransaction(() => seed.user({ id: 'u_street', openid: 'street-viewer', name: '街道孙主任', phone: '13700000021', communityId: district.communityIds[0], roles: ['district_viewer'] }));
    }, communityIds);
    try {
      const input = { period: '2026-10', scope: 'district' as const };
      const statistics = await world.measure('reports', 'getStatistics', input, 'street-viewer');
      expect(statistics.data.scope.kind).toBe('district');
      expect(statistics.data.byArea).toHaveLength(40);
      expect(statistics.data.current.submitted).toBeGreaterThan(2500);
      expect(statistics.figures.sequential).toBeLessThanOrEqual(6);
      const exported = await world.measure('reports', 'exportWorkbook', { ...input, kind: 'statistics' as const }, 'street-viewer');
      expect(exported.data.rows).toBe(statistics.data.current.submitted);
      expect(exported.figures.sequential).toBeLessThanOrEqual(6);
    } finally {
      world.close();
    }
    // Seeding 40 communities and 6,000 requests takes seconds on a 2-core machine: a setup bound, not a timed check.
  }, 60_000);
});
