import { createCloudWorld, type CloudWorld } from '../support/cloud-world';
import { RESIDENT, repairRequest, seedDemo } from '../support/fixtures';
import { BUDGETS, measureUserActions, type MeasuredAction } from '../support/round-trips';
import { seedBusyCommunity } from '../support/busy-community';

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
    const over = measured.flatMap(({ label, kind, figures }) =>
      kind !== 'job' && figures.sequential > BUDGETS[kind] ? [`${label}: ${figures.sequential} round trips (budget ${BUDGETS[kind]})`] : [],
    );
    expect(over).toEqual([]);
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
  });
  afterAll(() => world.close());

  test('the same budgets hold, the month of statistics included, whatever the community holds', () => {
    const over = measured.flatMap(({ label, kind, figures }) =>
      kind !== 'job' && figures.sequential > BUDGETS[kind] ? [`${label}: ${figures.sequential} round trips (budget ${BUDGETS[kind]})`] : [],
    );
    expect(over).toEqual([]);
    const statistics = measured.find((row) => row.label === 'reports.getStatistics (community month)');
    // The month is summed by the database: groups come back, not the month's 1,000 requests one page at a time.
    expect(statistics?.figures.byKind.aggregate).toBeGreaterThan(0);
    expect(statistics?.figures.byKind.find).toBeLessThanOrEqual(6);
  });
});
