/**
 * What a tap costs on CloudBase: every user action and scheduler job, counted on the CloudBase store
 * over its in-memory twin (calls issued together share one round trip; a transaction's start and
 * commit count), in the demo community and in a busy one (~150 members, ~1,000 requests a month),
 * and the month of statistics of a whole district (40 communities). Latency is modeled: round trips
 * × a fixed delay per call, the database's own work left out.
 */
import { performance } from 'node:perf_hooks';
import { SeedWriter } from '../../src/server/seed/seed-writer';
import { generateActivity } from '../../src/server/seed/generate-activity';
import { generateDistrict, DISTRICT_SCALE } from '../../src/server/seed/generate-district';
import { BUSY, seedBusyCommunity } from '../support/busy-community';
import { BUSY_MINUTE, prepareBusyMinute } from '../support/busy-minute';
import type { CallFigures } from '../support/counting-doc-db';
import { createCloudWorld } from '../support/cloud-world';
import { seedDemo } from '../support/fixtures';
import { BUDGETS, measureUserActions, type MeasuredAction } from '../support/round-trips';

const DELAYS_MS = [8, 25] as const;
const DISTRICT_REQUESTS_PER_MONTH = 40_000;
const DAY_MS = 86_400_000;

const seconds = (figures: CallFigures, delay: number) => `${((figures.sequential * delay) / 1000).toFixed(2)}`;
const thousands = (value: number) => value.toLocaleString('en-US');

async function measureDemoAndBusy(): Promise<{ demo: MeasuredAction[]; busy: MeasuredAction[] }> {
  const demoWorld = await createCloudWorld((w) => seedDemo(w), ['c_demo', 'c_demo_2']);
  const demo = await measureUserActions(demoWorld);
  demoWorld.close();
  const busyWorld = await createCloudWorld((w) => seedBusyCommunity(w), ['c_demo', 'c_demo_2']);
  const busy = await measureUserActions(busyWorld);
  busyWorld.close();
  return { demo, busy };
}

async function measureBusyMinute(): Promise<CallFigures> {
  const minute = await prepareBusyMinute();
  try {
    await minute.enqueueMessages(BUSY_MINUTE.messages, 'bench');
    minute.makeRoundsDue();
    const { envelope, figures } = await minute.world.measureTick();
    if (!envelope.ok) throw new Error(`the busy tick failed: ${JSON.stringify(envelope)}`);
    return figures;
  } finally {
    minute.world.close();
  }
}

/** A district month: 40 communities of the reported scale, two months of requests, read by a district viewer. */
async function measureDistrictMonth(): Promise<{ statistics: CallFigures; exported: CallFigures; requests: number; copyMs: number }> {
  const communityIds: string[] = [];
  const started = performance.now();
  const world = await createCloudWorld((w) => {
    const db = w.local.store.db;
    const now = w.clock.now();
    const district = generateDistrict(db, { seed: 5, now: now - 70 * DAY_MS, size: DISTRICT_SCALE });
    communityIds.push(...district.communityIds);
    generateActivity(db, { seed: 5, communityIds: district.communityIds, from: Date.UTC(2026, 7, 31, 16), to: Date.UTC(2026, 9, 31, 16), requests: 2 * DISTRICT_REQUESTS_PER_MONTH });
    const seed = new SeedWriter(db, now);
    seed.inTransaction(() => seed.user({ id: 'u_bench_viewer', openid: 'bench-viewer', name: '街道孙主任', phone: '13700000021', communityId: district.communityIds[0], roles: ['district_viewer'] }));
  }, communityIds);
  const copyMs = performance.now() - started;
  try {
    const input = { period: '2026-10', scope: 'district' as const };
    const statistics = await world.measure('reports', 'getStatistics', input, 'bench-viewer');
    const exported = await world.measure('reports', 'exportWorkbook', { ...input, kind: 'statistics' as const }, 'bench-viewer');
    return { statistics: statistics.figures, exported: exported.figures, requests: statistics.data.current.submitted, copyMs };
  } finally {
    world.close();
  }
}

function row(label: string, budget: string, demo: CallFigures | null, busy: CallFigures): string {
  return `| ${label} | ${budget} | ${demo ? demo.sequential : ''} | **${busy.sequential}** | ${busy.total} | ${thousands(busy.docsRead)} | ${thousands(busy.docsWritten)} | ${DELAYS_MS.map((delay) => seconds(busy, delay)).join(' | ')} |`;
}

export async function benchCloudbaseRoundTrips(): Promise<string> {
  const { demo, busy } = await measureDemoAndBusy();
  const minute = await measureBusyMinute();
  const district = await measureDistrictMonth();
  const demoBy = new Map(demo.map((action) => [action.label, action.figures]));
  const budgetOf = (action: MeasuredAction) => (action.kind === 'job' ? '' : `≤ ${BUDGETS[action.kind]}`);
  return [
    '## Benchmark: what a tap costs on CloudBase (round trips, counted on the twin)',
    '',
    `- Each action alone on the CloudBase store over the in-memory twin, every database call counted; calls issued together share one round trip, and a transaction's start and commit count. Busy: the demo community with ${BUSY.members} more members, ${BUSY.residents} more residents and ${thousands(BUSY.requestsPerMonth)} requests a month for ${BUSY.months} months.`,
    `- Modeled latency = sequential round trips × the delay per call (8 ms: a function and database in one region; 25 ms: a loaded basic plan); the database's own work and the cold start are not in it.`,
    '',
    `| Action | Budget | Demo: round trips | Busy: round trips | Busy: calls | Busy: docs read | Busy: docs written | Busy at ${DELAYS_MS[0]} ms (s) | Busy at ${DELAYS_MS[1]} ms (s) |`,
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...busy.map((action) => row(action.label, budgetOf(action), demoBy.get(action.label) ?? null, action.figures)),
    row(`scheduler tick: ${thousands(BUSY_MINUTE.messages)} due messages + ${BUSY_MINUTE.rounds} due offer rounds`, '< 15 s at 25 ms', null, minute),
    row(`reports.getStatistics, district month (40 communities, ${thousands(district.requests)} requests)`, '≤ 6', null, district.statistics),
    row('reports.exportWorkbook statistics, the same district month', '', null, district.exported),
    '',
    `The district (${DISTRICT_SCALE.members.toLocaleString('en')} members, ${thousands(2 * DISTRICT_REQUESTS_PER_MONTH)} requests over two months) took ${(district.copyMs / 1000).toFixed(1)} s to generate and copy into the twin. Its month of statistics is grouped by the database (\`aggregate\`), so the rows read are groups, not requests.`,
    '',
  ].join('\n');
}

if (require.main === module) {
  benchCloudbaseRoundTrips()
    .then((markdown) => console.log(markdown))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
