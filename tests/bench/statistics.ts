/**
 * District statistics over a year: 40 communities, 520,000 requests generated over twelve months
 * (with their points postings). For each month, the product's statistics for the whole district
 * (`computeStatistics`: request facts, percentiles, categories, states, areas, the previous month
 * for comparison, active members, points and the six-month trend) is timed side by side with a
 * single SQL aggregate over the same month's rows (counts by category and state, average response).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openSqliteStore } from '../../src/server/adapters/sqlite/sqlite-store';
import { computeStatistics } from '../../src/server/use-cases/reports/compute-statistics';
import { resolveStatisticsScope } from '../../src/server/use-cases/reports/statistics-scope';
import { generateActivity } from '../../src/server/seed/generate-activity';
import { generateDistrict, DISTRICT_SCALE } from '../../src/server/seed/generate-district';
import { SeedWriter } from '../../src/server/seed/seed-writer';
import { parsePeriod, type Period } from '../../src/shared/domain/periods';

const REQUESTS = 520_000;
const YEAR = 2026;
const ROUNDS = 3;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const months = Array.from({ length: 12 }, (_, index) => parsePeriod(`${YEAR}-${String(index + 1).padStart(2, '0')}`) as Period);

export async function benchStatistics(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'daiban-stats-'));
  const store = openSqliteStore(join(dataDir, 'district.sqlite'));
  try {
    const loadStart = performance.now();
    const district = generateDistrict(store.db, { seed: 11, now: months[0].start - 864e5, size: DISTRICT_SCALE });
    const generated = generateActivity(store.db, { seed: 11, communityIds: district.communityIds, from: months[0].start, to: months[11].end, requests: REQUESTS });
    const seed = new SeedWriter(store.db, 0);
    seed.inTransaction(() => seed.user({ id: 'u_bench_viewer', openid: 'bench-viewer', name: '街道孙主任', phone: '13700000021', communityId: district.communityIds[0], roles: ['district_viewer'] }));
    store.db.pragma('optimize');
    const loadMs = performance.now() - loadStart;
    const viewer = await store.read(async (tx) => tx.users.getByOpenid('bench-viewer'));
    if (!viewer) throw new Error('no viewer');

    const aggregate = store.db.prepare(`SELECT category, state, COUNT(*) AS n, AVG(accepted_at - created_at) AS response, AVG(rating_stars) AS stars FROM requests
      WHERE community_id IN (SELECT value FROM json_each(?)) AND created_at >= ? AND created_at < ? GROUP BY category, state`);
    const communities = JSON.stringify(district.communityIds);

    const product: number[] = [];
    const single: number[] = [];
    let perMonth = 0;
    for (let round = 0; round <= ROUNDS; round++) {
      for (const month of months) {
        let start = performance.now();
        const stats = await store.read(async (tx) => computeStatistics(tx, await resolveStatisticsScope(tx, viewer, { scope: 'district' }), month));
        const productMs = performance.now() - start;
        start = performance.now();
        const rows = aggregate.all(communities, month.start, month.end) as { n: number }[];
        const singleMs = performance.now() - start;
        const counted = rows.reduce((sum, row) => sum + row.n, 0);
        if (counted !== stats.current.submitted) throw new Error(`statistics and aggregate disagree for ${month.key}: ${stats.current.submitted} vs ${counted}`);
        // Round 0 warms the page cache and the JIT; it is not measured.
        if (round === 0) continue;
        product.push(productMs);
        single.push(singleMs);
        perMonth += counted;
      }
    }
    perMonth /= ROUNDS * months.length;
    const sortedProduct = [...product].sort((a, b) => a - b);
    const sortedSingle = [...single].sort((a, b) => a - b);
    const ratio = percentile(sortedProduct, 50) / percentile(sortedSingle, 50);
    const yearMs = product.reduce((sum, value) => sum + value, 0) / ROUNDS;
    return [
      '## Benchmark: district statistics over a year of requests',
      '',
      `- ${district.communityIds.length} communities (${DISTRICT_SCALE.members.toLocaleString('en')} members), ${REQUESTS.toLocaleString('en')} requests over ${YEAR} (about ${Math.round(perMonth).toLocaleString('en')} a month) and ${generated.postings.toLocaleString('en')} points postings; generated in ${(loadMs / 1000).toFixed(1)} s`,
      `- Each of the 12 months, ${ROUNDS} times after one unmeasured pass: the district's statistics as the app asks for them, and one \`GROUP BY category, state\` aggregate over the same month's rows (their totals must agree)`,
      '',
      '| Computation | Months | p50 (ms) | p90 (ms) | max (ms) |',
      '| --- | ---: | ---: | ---: | ---: |',
      `| District statistics (the product: percentiles, areas, previous month, active members, points, trend) | ${product.length} | ${percentile(sortedProduct, 50).toFixed(1)} | ${percentile(sortedProduct, 90).toFixed(1)} | ${sortedProduct[sortedProduct.length - 1].toFixed(1)} |`,
      `| Single SQL aggregate over the same rows | ${single.length} | ${percentile(sortedSingle, 50).toFixed(1)} | ${percentile(sortedSingle, 90).toFixed(1)} | ${sortedSingle[sortedSingle.length - 1].toFixed(1)} |`,
      `| **Statistics / aggregate (p50)** | | **${ratio.toFixed(1)}×** | | |`,
      '',
      `A whole year of monthly district statistics takes ${(yearMs / 1000).toFixed(2)} s; one month's page is ${ratio.toFixed(1)} times the cost of the bare aggregate, which gives neither percentiles nor the comparisons.`,
      '',
    ].join('\n');
  } finally {
    store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchStatistics()
    .then((markdown) => console.log(markdown))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
