import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { parsePeriod, type Period } from '../../src/shared/domain/periods';
import { EARNING_KINDS } from '../../src/shared/domain/posting-kinds';
import { generateActivity } from '../../src/server/seed/generate-activity';
import { generateDistrict, type DistrictSize, type GeneratedDistrict } from '../../src/server/seed/generate-district';
import { exportsDir } from '../../src/server/host/local-exports';
import { SeedWriter } from '../../src/server/seed/seed-writer';
import { createTestWorld, type TestWorld } from '../support/test-runtime';

jest.setTimeout(60_000);

const SIZE: DistrictSize = { communities: 4, grids: 12, centralHouseholds: 24, members: 240, households: 1600, householdsPerMember: 5 };
const OCTOBER = parsePeriod('2026-10') as Period;
const SEPTEMBER = parsePeriod('2026-09') as Period;
const VIEWER = 'district-viewer';

let world: TestWorld;
let district: GeneratedDistrict;
let community: string;
let admin: string;

beforeAll(() => {
  world = createTestWorld();
  district = generateDistrict(world.local.store.db, { seed: 5, now: SEPTEMBER.start - 864e5, size: SIZE });
  generateActivity(world.local.store.db, { seed: 5, communityIds: district.communityIds, from: SEPTEMBER.start, to: OCTOBER.end, requests: 6_000 });
  const seed = new SeedWriter(world.local.store.db, 0);
  seed.inTransaction(() => seed.user({ id: 'u_viewer', openid: VIEWER, name: '街道孙主任', phone: '13700000021', communityId: district.communityIds[0], roles: ['district_viewer'] }));
  [community] = district.communityIds;
  [admin] = district.adminOpenids;
});
afterAll(() => world.close());

const db = () => world.local.store.db;
const inScope = (communityIds: string[]) => `community_id IN (${communityIds.map((id) => `'${id}'`).join(', ')})`;

/** The statistics computed a second way: SQL aggregates, and percentiles by ORDER BY … OFFSET. */
function expectedFigures(communityIds: string[], period: Period, gridId: string | null = null) {
  const where = `${inScope(communityIds)} AND created_at >= ${period.start} AND created_at < ${period.end}${gridId ? ` AND grid_id = '${gridId}'` : ''}`;
  const one = (sql: string) => db().prepare(sql).get() as Record<string, number | null>;
  const nearestRank = (expression: string, filter: string, p: number) => {
    const { n } = one(`SELECT COUNT(*) AS n FROM requests WHERE ${where} AND ${filter}`) as { n: number };
    if (n === 0) return null;
    const { v } = one(`SELECT ${expression} AS v FROM requests WHERE ${where} AND ${filter} ORDER BY v LIMIT 1 OFFSET ${Math.ceil((p / 100) * n) - 1}`) as { v: number };
    return Math.round(v / 60_000);
  };
  const counts = one(`SELECT COUNT(*) AS submitted, SUM(state IN ('completed', 'rated')) AS completed, COUNT(rating_stars) AS rated,
      ROUND(AVG(rating_stars), 2) AS average, ROUND(100.0 * SUM(rating_stars >= 4) / COUNT(rating_stars), 1) AS satisfied FROM requests WHERE ${where}`);
  const memberFilter = gridId ? ` AND assignee_id IN (SELECT user_id FROM members WHERE grid_id = '${gridId}')` : '';
  const active = new Set(
    (db().prepare(`SELECT assignee_id FROM requests WHERE ${inScope(communityIds)} AND accepted_at >= ? AND accepted_at < ?${memberFilter}`).all(period.start, period.end) as { assignee_id: string }[]).map(
      (row) => row.assignee_id,
    ),
  );
  const issued = gridId
    ? null
    : (one(`SELECT COALESCE(SUM(amount), 0) AS total FROM postings WHERE ${inScope(communityIds)} AND created_at >= ${period.start} AND created_at < ${period.end}
        AND kind IN (${EARNING_KINDS.map((kind) => `'${kind}'`).join(', ')})`).total as number);
  return {
    submitted: Number(counts.submitted),
    completed: counts.completed ?? 0,
    responseTime: { medianMinutes: nearestRank('accepted_at - created_at', 'accepted_at IS NOT NULL', 50), p90Minutes: nearestRank('accepted_at - created_at', 'accepted_at IS NOT NULL', 90) },
    completionTime: {
      medianMinutes: nearestRank('completed_at - accepted_at', 'completed_at IS NOT NULL AND accepted_at IS NOT NULL', 50),
      p90Minutes: nearestRank('completed_at - accepted_at', 'completed_at IS NOT NULL AND accepted_at IS NOT NULL', 90),
    },
    satisfaction: { rated: counts.rated, averageStars: counts.average, satisfiedPercent: counts.satisfied },
    activeMembers: active.size,
    ...(issued === null ? {} : { pointsIssued: issued, pointsRedeemed: 0 }),
  };
}

const countBy = (column: string, communityIds: string[], period: Period) =>
  Object.fromEntries(
    (db().prepare(`SELECT ${column} AS k, COUNT(*) AS n FROM requests WHERE ${inScope(communityIds)} AND created_at >= ? AND created_at < ? GROUP BY k`).all(period.start, period.end) as { k: string; n: number }[]).map(
      (row) => [row.k, row.n],
    ),
  );
const nonZero = (rows: { count: number }[], key: (row: never) => string) => Object.fromEntries(rows.filter((row) => row.count > 0).map((row) => [key(row as never), row.count]));

test('a community\'s month equals the figures computed independently from the same rows', async () => {
  const stats = await world.ok('reports', 'getStatistics', { period: '2026-10' }, admin);
  expect(stats.current.submitted).toBeGreaterThan(500);
  expect(stats.current).toMatchObject(expectedFigures([community], OCTOBER));
  expect(stats.previous).toMatchObject(expectedFigures([community], SEPTEMBER));
  expect(stats.period).toEqual({ key: '2026-10', label: '2026年10月' });
  expect(stats.previousPeriod.key).toBe('2026-09');
  expect(nonZero(stats.byCategory, (row: { category: string }) => row.category)).toEqual(countBy('category', [community], OCTOBER));
  expect(nonZero(stats.byState, (row: { state: string }) => row.state)).toEqual(countBy('state', [community], OCTOBER));
  // Requests from residents outside any grid show as 未划网格.
  const byGrid = Object.fromEntries(Object.entries(countBy('grid_id', [community], OCTOBER)).map(([grid, count]) => [grid === 'null' ? 'none' : grid, count]));
  expect(Object.fromEntries(stats.byArea.filter((area) => area.count > 0).map((area) => [area.id, area.count]))).toEqual(byGrid);
  expect(stats.trend.map((month) => month.month)).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
  expect(stats.trend.slice(-2).map((month) => month.submitted)).toEqual([stats.previous.submitted, stats.current.submitted]);
  expect(stats.trend[5].completed).toBe(stats.current.completed);
});

test('balances carried over from the paper ledger are not points issued in the period', async () => {
  const seed = new SeedWriter(db(), OCTOBER.start + 1000);
  const member = (db().prepare(`SELECT user_id FROM members WHERE community_id = ? ORDER BY user_id LIMIT 1`).get(community) as { user_id: string }).user_id;
  const before = (await world.ok('reports', 'getStatistics', { period: '2026-10' }, admin)).current.pointsIssued;
  seed.inTransaction(() => seed.openingPoints({ communityId: community, memberId: member, amount: 500 }));
  expect((await world.ok('reports', 'getStatistics', { period: '2026-10' }, admin)).current.pointsIssued).toBe(before);
});

test('a grid, a quarter and the whole district add up', async () => {
  const grid = (db().prepare('SELECT id FROM grids WHERE community_id = ? ORDER BY id LIMIT 1').get(community) as { id: string }).id;
  const gridStats = await world.ok('reports', 'getStatistics', { scope: 'grid', gridId: grid, period: '2026-10' }, admin);
  expect(gridStats.current).toMatchObject(expectedFigures([community], OCTOBER, grid));

  const quarter = parsePeriod('2026-Q3') as Period;
  const third = await world.ok('reports', 'getStatistics', { period: '2026-Q3' }, admin);
  expect(third.current.submitted).toBe(expectedFigures([community], quarter).submitted);
  expect(third.previousPeriod.key).toBe('2026-Q2');

  const whole = await world.ok('reports', 'getStatistics', { scope: 'district', period: '2026-10' }, VIEWER);
  expect(whole.current).toMatchObject(expectedFigures(district.communityIds, OCTOBER));
  expect(Object.fromEntries(whole.byArea.map((area) => [area.id, area.count]))).toEqual(countBy('community_id', district.communityIds, OCTOBER));
  const another = await world.ok('reports', 'getStatistics', { scope: 'community', communityId: district.communityIds[2], period: '2026-10' }, VIEWER);
  expect(another.current.submitted).toBe(expectedFigures([district.communityIds[2]], OCTOBER).submitted);

  expect(await world.call('reports', 'getStatistics', { scope: 'district', period: '2026-10' }, admin)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await world.call('reports', 'getStatistics', { scope: 'grid', gridId: grid, period: '2026-10' }, district.adminOpenids[1])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

test('evaluations rank members by points then rating; grades are recorded, corrected and seen by the member', async () => {
  const list = await world.ok('reports', 'listEvaluations', { period: '2026-10' }, admin);
  const earned = db()
    .prepare(`SELECT a.owner_id AS id, SUM(p.amount) AS earned FROM postings p JOIN accounts a ON a.id = p.credit_account_id
      WHERE p.community_id = ? AND p.created_at >= ? AND p.created_at < ? AND a.kind = 'member' AND p.kind <> 'opening_balance' GROUP BY a.owner_id`)
    .all(community, OCTOBER.start, OCTOBER.end) as { id: string; earned: number }[];
  const approved = (db().prepare(`SELECT COUNT(*) AS n FROM members WHERE community_id = ? AND status = 'approved'`).get(community) as { n: number }).n;
  expect(list.rows).toHaveLength(approved);
  expect(Object.fromEntries(list.rows.filter((row) => row.earned > 0).map((row) => [row.memberId, row.earned]))).toEqual(Object.fromEntries(earned.map((row) => [row.id, row.earned])));
  for (let index = 1; index < list.rows.length; index++) expect(list.rows[index - 1].earned).toBeGreaterThanOrEqual(list.rows[index].earned);

  const top = list.rows[0];
  const memberOpenid = (db().prepare('SELECT openid FROM users WHERE id = ?').get(top.memberId) as { openid: string }).openid;
  await world.ok('reports', 'recordEvaluation', { memberId: top.memberId, period: '2026-10', grade: 'qualified', note: '' }, admin);
  const corrected = await world.ok('reports', 'recordEvaluation', { memberId: top.memberId, period: '2026-10', grade: 'excellent', note: '服务次数最多' }, admin);
  expect(corrected).toMatchObject({ rank: 1, grade: 'excellent', note: '服务次数最多' });
  await world.ok('reports', 'recordEvaluation', { memberId: top.memberId, period: '2026-Q3', grade: 'qualified', note: '' }, admin);
  const mine = await world.ok('reports', 'getMyEvaluations', {}, memberOpenid);
  expect(mine.items.map((item) => [item.period.key, item.grade])).toEqual([
    ['2026-Q3', 'qualified'],
    ['2026-10', 'excellent'],
  ]);
  expect(await world.call('reports', 'recordEvaluation', { memberId: top.memberId, period: '2027-01', grade: 'excellent', note: '' }, admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  expect(await world.call('reports', 'recordEvaluation', { memberId: top.memberId, period: '2026-10', grade: 'great', note: '' }, admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
});

async function openExport(url: string): Promise<ExcelJS.Workbook> {
  const [token, name] = url.replace(/^\/exports\//, '').split('/');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(exportsDir(world.dataDir), token, decodeURIComponent(name)));
  return workbook;
}
const values = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1);

test('exports open and hold the same rows: the demand ledger, the statistics, the evaluations', async () => {
  const demand = await world.ok('reports', 'exportWorkbook', { kind: 'demand', period: '2026-10' }, admin);
  const submitted = expectedFigures([community], OCTOBER).submitted;
  expect(demand).toMatchObject({ rows: submitted, fileName: '第1社区-民意民盼台账-2026-10.xlsx' });
  expect(demand.url).toMatch(/^\/exports\/[a-f0-9]{32}\/.+\.xlsx$/);
  const ledger = (await openExport(demand.url)).getWorksheet('民意民盼台账');
  if (!ledger) throw new Error('no demand sheet');
  expect(ledger.rowCount).toBe(submitted + 2);
  expect(values(ledger.getRow(2)).slice(0, 3)).toEqual(['提交时间', '类型', '内容']);
  const first = db().prepare(`SELECT created_at, state FROM requests WHERE community_id = ? AND created_at >= ? AND created_at < ? ORDER BY created_at, id LIMIT 1`).get(community, OCTOBER.start, OCTOBER.end) as {
    created_at: number;
    state: string;
  };
  expect(ledger.getRow(3).getCell(1).value).toBe(new Date(first.created_at + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' '));

  const stats = await world.ok('reports', 'exportWorkbook', { kind: 'statistics', period: '2026-10' }, admin);
  const overview = (await openExport(stats.url)).getWorksheet('总体指标');
  if (!overview) throw new Error('no overview sheet');
  const figures = expectedFigures([community], OCTOBER);
  const september = expectedFigures([community], SEPTEMBER);
  expect(values(overview.getRow(3))).toEqual(['求助数', figures.submitted, september.submitted, Math.round(((figures.submitted - september.submitted) / september.submitted) * 1000) / 10]);
  expect(values(overview.getRow(5)).slice(0, 2)).toEqual(['响应时间中位数（分钟）', figures.responseTime.medianMinutes]);

  const evaluations = await world.ok('reports', 'exportWorkbook', { kind: 'evaluations', period: '2026-10' }, admin);
  const sheet = (await openExport(evaluations.url)).getWorksheet('定期评价');
  if (!sheet) throw new Error('no evaluation sheet');
  const ranking = await world.ok('reports', 'listEvaluations', { period: '2026-10' }, admin);
  expect(sheet.rowCount).toBe(ranking.rows.length + 2);
  expect(values(sheet.getRow(3)).slice(0, 4)).toEqual([1, ranking.rows[0].name, ranking.rows[0].gridName ?? '', ranking.rows[0].earned]);

  const grid = (db().prepare('SELECT id FROM grids WHERE community_id = ? ORDER BY id LIMIT 1').get(community) as { id: string }).id;
  const gridStats = await world.ok('reports', 'exportWorkbook', { kind: 'statistics', period: '2026-10', scope: 'grid', gridId: grid }, admin);
  expect(gridStats.rows).toBe(expectedFigures([community], OCTOBER, grid).submitted);
  expect(await world.call('reports', 'exportWorkbook', { kind: 'demand', period: '2026-10', scope: 'grid', gridId: grid }, admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });

  const districtStats = await world.ok('reports', 'exportWorkbook', { kind: 'statistics', period: '2026-10', scope: 'district' }, VIEWER);
  expect(districtStats.rows).toBe(expectedFigures(district.communityIds, OCTOBER).submitted);
  expect(await world.call('reports', 'exportWorkbook', { kind: 'demand', period: '2026-10' }, VIEWER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});
