/**
 * The demo as `npm start` seeds it: a newcomer who opens 统计分析, 民意民盼台账 or 定期评价 sees six months
 * of believable history, the ledger still verifies, nothing in it wakes the scheduler, and the demo users
 * the README and the browser tests walk through start as before.
 */
import { performance } from 'node:perf_hooks';
import { listDemoUsers } from '../../src/server/adapters/sqlite/demo-users';
import { verifyLedger } from '../../src/server/points-ledger/verify-ledger';
import { DEMO_HISTORY_REQUESTS, seedDemoData } from '../../src/server/seed/demo-data';
import { createTestWorld, type TestWorld } from '../support/test-runtime';
import { ADMIN, LINKED_MEMBER, OTHER_RESIDENT, POLICY_MEMBER, RESIDENT } from '../support/fixtures';

let world: TestWorld;
let seedMs: number;

beforeAll(() => {
  // 09:00 on Monday 2 November 2026 in China: October is the last whole month.
  world = createTestWorld();
  const start = performance.now();
  // Exactly what scripts/start.ts calls.
  expect(seedDemoData(world.local.store.db, world.clock.now())).toBe(true);
  seedMs = performance.now() - start;
});
afterAll(() => world.close());

const db = () => world.local.store.db;
const one = <T>(sql: string, ...params: unknown[]) => db().prepare(sql).get(...params) as T;

test('统计分析 for last month shows requests, completions, response times and satisfaction', async () => {
  const stats = await world.ok('reports', 'getStatistics', { period: '2026-10' }, ADMIN);
  const { current } = stats;
  expect(current.submitted).toBeGreaterThanOrEqual(15);
  expect(current.completed).toBeGreaterThan(0);
  expect(current.completed).toBeLessThanOrEqual(current.submitted);
  // Most of a past month's requests are done, some were withdrawn.
  expect(current.completed / current.submitted).toBeGreaterThan(0.7);
  expect(current.satisfaction.rated).toBeGreaterThan(0);
  expect(current.satisfaction.averageStars).toBeGreaterThanOrEqual(1);
  expect(current.satisfaction.averageStars).toBeLessThanOrEqual(5);
  expect(current.satisfaction.averageStars as number).toBeGreaterThan(3.5);
  expect(current.satisfaction.satisfiedPercent as number).toBeGreaterThan(50);
  // Taken within the offer's 15 minutes; done within hours to days.
  expect(current.responseTime.medianMinutes as number).toBeGreaterThan(0);
  expect(current.responseTime.p90Minutes as number).toBeLessThanOrEqual(15);
  expect(current.completionTime.medianMinutes as number).toBeGreaterThan(0);
  expect(current.activeMembers).toBeGreaterThan(1);
  expect(current.pointsIssued).toBeGreaterThan(0);

  // The charts have something to draw, and every month of the trend has requests.
  expect(stats.byCategory.filter((row) => row.count > 0).length).toBeGreaterThanOrEqual(4);
  expect(stats.byCategory.reduce((sum, row) => sum + row.count, 0)).toBe(current.submitted);
  expect(stats.byState.find((row) => row.state === 'rated')?.count).toBeGreaterThan(0);
  expect(stats.byArea.filter((area) => area.count > 0).map((area) => area.id).sort()).toEqual(['g_demo_1', 'g_demo_2']);
  expect(stats.trend.map((month) => month.month)).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
  for (const month of stats.trend) expect(month.submitted).toBeGreaterThan(0);
  expect(stats.previous.submitted).toBeGreaterThan(0);

  // This month has started too.
  expect((await world.ok('reports', 'getStatistics', { period: '2026-11' }, ADMIN)).current.submitted).toBeGreaterThan(0);
});

test('the ledgers and the ranking are filled: 民意民盼台账, 定期评价, suggestions answered', async () => {
  const { current } = await world.ok('reports', 'getStatistics', { period: '2026-10' }, ADMIN);
  const lines: { state: string; assigneeName: string | null; category: string; suggestionReply: unknown }[] = [];
  let cursor: string | undefined;
  do {
    const page = await world.ok('ledgers', 'listDemand', { period: '2026-10', limit: 50, cursor }, ADMIN);
    lines.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  expect(lines).toHaveLength(current.submitted);
  expect(lines.filter((line) => line.state === 'rated' && line.assigneeName).length).toBeGreaterThan(0);
  expect(lines.some((line) => line.category === 'suggestion' && line.suggestionReply !== null)).toBe(true);

  const ranking = await world.ok('reports', 'listEvaluations', { period: '2026-10' }, ADMIN);
  expect(ranking.rows[0].earned).toBeGreaterThan(0);
  expect(ranking.rows[0].tasksCompleted).toBeGreaterThan(0);
  expect(ranking.rows.filter((row) => row.earned > 0).length).toBeGreaterThanOrEqual(5);
});

test('the points follow the earning rules and the ledger verifies clean', async () => {
  // Every completed request has its completion posting, every five-star rating its bonus, nothing else.
  const completed = one<{ n: number; points: number }>(`SELECT COUNT(*) AS n, SUM(points_awarded) AS points FROM requests WHERE completed_at IS NOT NULL`);
  const postings = one<{ n: number; points: number }>(`SELECT COUNT(*) AS n, SUM(amount) AS points FROM postings WHERE kind = 'task_completed'`);
  expect(postings).toEqual(completed);
  const bonuses = one<{ n: number }>(`SELECT COUNT(*) AS n FROM postings WHERE kind = 'rating_bonus' AND idempotency_key IN (SELECT 'rating-bonus:' || id FROM requests WHERE rating_stars = 5)`);
  expect(bonuses.n).toBe(one<{ n: number }>(`SELECT COUNT(*) AS n FROM requests WHERE rating_stars = 5`).n);
  expect(one<{ n: number }>(`SELECT COUNT(*) AS n FROM postings WHERE kind = 'rating_bonus'`).n).toBe(bonuses.n);
  expect(one<{ n: number }>(`SELECT COUNT(*) AS n FROM postings p JOIN requests r ON p.idempotency_key = 'request-complete:' || r.id WHERE p.amount <> r.points_awarded OR p.created_at <> r.completed_at`).n).toBe(0);

  const report = await world.ok('points', 'verifyLedger', {}, ADMIN);
  expect(report.problems).toEqual([]);
  expect(report.postings).toBeGreaterThan(DEMO_HISTORY_REQUESTS / 2);
  // As `npm run ledger:verify` checks it: every community.
  const all = await world.local.store.read((tx) => verifyLedger(tx, null, world.clock.now()));
  expect(all.problems).toEqual([]);
});

test('the history is all in the past and leaves the scheduler nothing to do', async () => {
  const now = world.clock.now();
  expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM requests').n).toBe(DEMO_HISTORY_REQUESTS);
  const latest = one<{ at: number }>(
    `SELECT MAX(v) AS at FROM (SELECT MAX(updated_at) AS v FROM requests UNION ALL SELECT MAX(at) FROM request_events UNION ALL SELECT MAX(created_at) FROM postings WHERE kind <> 'opening_balance'
       UNION ALL SELECT MAX(responded_at) FROM offers UNION ALL SELECT MAX(replied_at) FROM suggestion_replies)`,
  );
  expect(latest.at).toBeLessThan(now);
  expect(one<{ n: number }>('SELECT MIN(created_at) AS n FROM requests').n).toBeGreaterThanOrEqual(now - 184 * 24 * 3_600_000);
  // Finished, or in hand: nothing waits on an offer, staff, a department or a hold.
  const states = (db().prepare('SELECT DISTINCT state FROM requests ORDER BY state').all() as { state: string }[]).map((row) => row.state);
  expect(states).toEqual(['accepted', 'cancelled', 'completed', 'rated']);
  expect(one<{ n: number }>(`SELECT COUNT(*) AS n FROM offers WHERE status = 'pending'`).n).toBe(0);
  expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM requests WHERE round_deadline IS NOT NULL').n).toBe(0);
  for (const table of ['holds', 'projects', 'escalations', 'outbox', 'duties']) expect(world.count(table)).toBe(0);

  const before = one<{ n: number }>('SELECT COUNT(*) AS n FROM request_events').n;
  const tick = await world.tick();
  expect(tick).toMatchObject({
    ok: true,
    data: { rounds: { advanced: 0 }, orders: { expired: 0 }, duties: { closed: 0 }, projects: { reminded: 0, flagged: 0 }, outbox: { delivered: 0, failed: 0 } },
  });
  expect(world.count('outbox')).toBe(0);
  expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM request_events').n).toBe(before);
});

test('the demo users start as the README and the browser tests expect', async () => {
  // No request of theirs, no task, no points earned: the history is the neighbours' and the reporting members'.
  expect(one<{ n: number }>(`SELECT COUNT(*) AS n FROM requests WHERE resident_id LIKE 'u_demo_resident_%' OR assignee_id LIKE 'u_demo_member_%'`).n).toBe(0);
  expect(one<{ n: number }>(`SELECT COUNT(*) AS n FROM offers WHERE member_id LIKE 'u_demo_member_%'`).n).toBe(0);
  expect((await world.ok('requests', 'listMine', { limit: 10 }, RESIDENT)).items).toEqual([]);
  expect((await world.ok('requests', 'listMine', { limit: 10 }, OTHER_RESIDENT)).items).toEqual([]);
  expect((await world.ok('requests', 'listTasks', { scope: 'done', limit: 10 }, LINKED_MEMBER)).items).toEqual([]);
  expect((await world.ok('points', 'getMine', { limit: 5 }, LINKED_MEMBER)).balance).toBe(0);
  expect((await world.ok('points', 'getMine', { limit: 5 }, POLICY_MEMBER)).balance).toBe(77);
  expect((await world.ok('community', 'listInbox', { limit: 5 }, ADMIN)).items).toEqual([]);
  expect((await world.ok('requests', 'listForStaff', { scope: 'needs_manual', limit: 5 }, ADMIN)).items).toEqual([]);
  expect((await world.ok('requests', 'listWishes', {}, LINKED_MEMBER)).items).toEqual([]);
  // The login picker lists the same demo users as before.
  expect(listDemoUsers(db()).map((user) => user.openid)).toHaveLength(23);
});

test('seeding is deterministic and fast', () => {
  const again = createTestWorld();
  try {
    again.clock.current = world.clock.now();
    seedDemoData(again.local.store.db, again.clock.now());
    const dump = (database: ReturnType<typeof db>) =>
      ['requests', 'request_events', 'offers', 'postings', 'accounts', 'suggestion_replies'].map((table) => JSON.stringify(database.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()));
    expect(dump(again.local.store.db)).toEqual(dump(db()));
  } finally {
    again.close();
  }
  // The whole demo, history included, in well under the second `npm start` may spend on it.
  expect(seedMs).toBeLessThan(1_000);
});
