/**
 * Dispatch at city scale: 100,000 members spread over 30 × 30 km. For random request points,
 * time the candidate search (the member_cells cell index + exact filters + load figures) and the ranking,
 * side by side with a naive full scan of the same members that must return the same ranking.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { openSqliteStore } from '../../src/server/adapters/sqlite/sqlite-store';
import type { CandidateQuery } from '../../src/server/ports';
import { offset } from '../../src/server/seed/demo-data';
import { seededRandom } from '../../src/server/seed/generate-district';
import { SeedWriter } from '../../src/server/seed/seed-writer';
import { isAvailable } from '../../src/shared/domain/availability';
import { CATEGORY_SKILLS, SKILLS, type RequestCategory } from '../../src/shared/domain/categories';
import { DEFAULT_DISPATCH_POLICY } from '../../src/shared/domain/dispatch-policy';
import { rankCandidates, type DispatchCandidate } from '../../src/shared/domain/dispatch-ranking';
import { distanceMeters, type LatLng } from '../../src/shared/domain/geo';

const MEMBERS = 100_000;
const SIDE_M = 30_000;
const INDEXED_SAMPLES = 2_000;
const NAIVE_SAMPLES = 30;
const WARMUP_SAMPLES = 300;
const CENTER: LatLng = { lat: 30.6, lng: 104.05 };
const CATEGORIES: RequestCategory[] = ['repair', 'errand', 'policy', 'care_visit', 'wish'];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export async function benchDispatch(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'daiban-dispatch-'));
  const store = openSqliteStore(join(dataDir, 'city.sqlite'));
  try {
    const random = seededRandom(100);
    const spot = () => offset(CENTER, (random() - 0.5) * SIDE_M, (random() - 0.5) * SIDE_M);
    const seed = new SeedWriter(store.db, 0);
    const loadStart = performance.now();
    seed.inTransaction(() => {
      seed.community({ id: 'c_city', name: '全市', center: CENTER });
      for (let i = 0; i < MEMBERS; i++) {
        const home = spot();
        const skills = [SKILLS[Math.floor(random() * SKILLS.length)], SKILLS[Math.floor(random() * SKILLS.length)]];
        seed.user({ id: `u_${i}`, openid: `city-${i}`, name: `党员${i}`, phone: '13900000000', communityId: 'c_city', roles: ['member'], home });
        seed.member({ userId: `u_${i}`, communityId: 'c_city', gridId: null, skills: [...new Set(skills)], home, onLeave: random() < 0.03 });
      }
      // A tenth of the members are busy with one accepted task, so load and fairness have something to count.
      const busy = store.db.prepare(
        `INSERT INTO requests (id, community_id, resident_id, filed_by, client_token, category, description, address, contact_name, contact_phone, lat, lng, urgency, photos, state, assignee_id, created_at, updated_at, accepted_at, rating_stars)
         VALUES (?, 'c_city', ?, ?, ?, 'errand', '忙', '地址', '甲', '13800000000', ?, ?, 'normal', '[]', ?, ?, 0, 0, ?, ?)`,
      );
      for (let i = 0; i < MEMBERS / 10; i++) {
        const member = `u_${Math.floor(random() * MEMBERS)}`;
        const at = spot();
        busy.run(`r_${i}`, member, member, `t${i}`, at.lat, at.lng, random() < 0.5 ? 'accepted' : 'rated', member, Date.now() - random() * 40 * 864e5, 1 + Math.floor(random() * 5));
      }
    });
    const loadMs = performance.now() - loadStart;

    const queries: (CandidateQuery & { category: RequestCategory })[] = Array.from({ length: INDEXED_SAMPLES }, () => {
      const category = CATEGORIES[Math.floor(random() * CATEGORIES.length)];
      return {
        category,
        communityId: 'c_city',
        center: spot(),
        radiusM: DEFAULT_DISPATCH_POLICY.radiusStepsM[0],
        skills: CATEGORY_SKILLS[category],
        excludeMemberIds: [],
        openTaskCap: DEFAULT_DISPATCH_POLICY.openTaskCap,
        householdId: null,
        since: Date.now() - 30 * 864e5,
        period: 'weekday_day',
        urgent: false,
      };
    });
    const rank = (query: CandidateQuery & { category: RequestCategory }, candidates: DispatchCandidate[]) =>
      rankCandidates({ category: query.category, gridId: null, location: query.center }, candidates, DEFAULT_DISPATCH_POLICY.weights, DEFAULT_DISPATCH_POLICY.batchSize);

    // Warm-up (JIT, page cache) on other points, not measured.
    for (let i = 0; i < WARMUP_SAMPLES; i++) {
      const center = spot();
      await store.read((tx) => tx.members.findCandidates({ ...queries[0], center }));
    }
    // Garbage-collection pauses are recorded so the report can say how much of the tail they make.
    const pauses: { start: number; end: number }[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) pauses.push({ start: entry.startTime, end: entry.startTime + entry.duration });
    });
    observer.observe({ entryTypes: ['gc'] });
    const spans: { start: number; end: number }[] = [];
    const indexed: number[] = [];
    const indexedResults: string[] = [];
    let candidatesSeen = 0;
    for (const query of queries) {
      const start = performance.now();
      const candidates = await store.read((tx) => tx.members.findCandidates(query));
      const top = rank(query, candidates);
      const end = performance.now();
      indexed.push(end - start);
      spans.push({ start, end });
      candidatesSeen += candidates.length;
      indexedResults.push(top.map((candidate) => candidate.memberId).join());
    }

    // The naive way: read every member of the community, filter and count in JS, then rank.
    const everyone = store.db.prepare(`SELECT m.user_id, m.grid_id, m.skills, m.available_hours, m.home_lat, m.home_lng, u.name FROM members m JOIN users u ON u.id = m.user_id
      WHERE m.community_id = ? AND m.status = 'approved' AND m.on_leave = 0`);
    const load = store.db.prepare(`SELECT
      (SELECT COUNT(*) FROM requests r WHERE r.assignee_id = ? AND r.state = 'accepted') AS open_tasks,
      (SELECT COUNT(*) FROM requests r WHERE r.assignee_id = ? AND r.accepted_at >= ?) AS recent,
      (SELECT AVG(r.rating_stars) FROM requests r WHERE r.assignee_id = ? AND r.rating_stars IS NOT NULL) AS rating`);
    const naive: number[] = [];
    for (let i = 0; i < NAIVE_SAMPLES; i++) {
      const query = queries[i];
      const start = performance.now();
      const rows = everyone.all(query.communityId) as Record<string, string | number>[];
      const candidates: DispatchCandidate[] = [];
      for (const row of rows) {
        const home = { lat: Number(row.home_lat), lng: Number(row.home_lng) };
        if (distanceMeters(query.center, home) > query.radiusM) continue;
        const skills = JSON.parse(String(row.skills)) as string[];
        if (query.skills.length > 0 && !query.skills.some((skill) => skills.includes(skill))) continue;
        if (!isAvailable(JSON.parse(String(row.available_hours)) as string[], query.period, query.urgent)) continue;
        const id = String(row.user_id);
        const figures = load.get(id, id, query.since, id) as { open_tasks: number; recent: number; rating: number | null };
        if (figures.open_tasks >= query.openTaskCap) continue;
        candidates.push({ memberId: id, name: String(row.name), gridId: null, home, skills, openTasks: figures.open_tasks, tasksLast30Days: figures.recent, averageRating: figures.rating, linkedToHousehold: false });
      }
      const top = rank(query, candidates);
      naive.push(performance.now() - start);
      if (top.map((candidate) => candidate.memberId).join() !== indexedResults[i]) throw new Error(`indexed and naive dispatch disagree for sample ${i}`);
    }

    await new Promise((resolve) => setTimeout(resolve, 50));
    observer.disconnect();
    const hitByGc = spans.map((span) => pauses.some((pause) => pause.start < span.end && pause.end > span.start));
    const withoutGc = indexed.filter((_, index) => !hitByGc[index]).sort((a, b) => a - b);
    const sortedIndexed = [...indexed].sort((a, b) => a - b);
    const sortedNaive = [...naive].sort((a, b) => a - b);
    const speedup = percentile(sortedNaive, 50) / percentile(sortedIndexed, 50);
    const verdict = percentile(sortedIndexed, 99) < 5 ? 'meets' : 'misses';
    return [
      '## Benchmark: dispatch candidate search at 100,000 members',
      '',
      `- ${MEMBERS.toLocaleString('en')} members over ${SIDE_M / 1000} × ${SIDE_M / 1000} km (seeded), ${(MEMBERS / 10).toLocaleString('en')} busy with a task; loaded in ${(loadMs / 1000).toFixed(1)} s`,
      `- Each dispatch: candidates within ${DEFAULT_DISPATCH_POLICY.radiusStepsM[0]} m whose skills fit, available now, under the open-task cap, with load, 30-day fairness and rating; then the ranking and the top ${DEFAULT_DISPATCH_POLICY.batchSize}`,
      `- ${INDEXED_SAMPLES} random points for the indexed search after ${WARMUP_SAMPLES} unmeasured warm-up searches (on average ${Math.round(candidatesSeen / INDEXED_SAMPLES)} fitting candidates), the first ${NAIVE_SAMPLES} of them also by full scan; both gave the same top ${DEFAULT_DISPATCH_POLICY.batchSize} every time`,
      '',
      '| Search | Dispatches | p50 (ms) | p90 (ms) | p99 (ms) |',
      '| --- | ---: | ---: | ---: | ---: |',
      `| Cell index + exact filters (the product) | ${INDEXED_SAMPLES} | ${percentile(sortedIndexed, 50).toFixed(2)} | ${percentile(sortedIndexed, 90).toFixed(2)} | ${percentile(sortedIndexed, 99).toFixed(2)} |`,
      `| Naive full scan of the same members | ${NAIVE_SAMPLES} | ${percentile(sortedNaive, 50).toFixed(2)} | ${percentile(sortedNaive, 90).toFixed(2)} | ${percentile(sortedNaive, 99).toFixed(2)} |`,
      `| **Speed-up (p50)** | | **${speedup.toFixed(0)}×** | | |`,
      '',
      `The indexed p99 ${verdict} the 5 ms target. ${hitByGc.filter(Boolean).length} of the ${INDEXED_SAMPLES} searches overlapped a V8 garbage-collection pause; the other ${withoutGc.length} have p99 ${percentile(withoutGc, 99).toFixed(2)} ms, so the tail is the collector, not the search.`,
      '',
    ].join('\n');
  } finally {
    store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchDispatch()
    .then((markdown) => console.log(markdown))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
