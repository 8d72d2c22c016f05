/**
 * District-scale figures: generating the reported district (40 communities, 586 central households,
 * 5,600 members, 35,000 households) into SQLite, opening it again, and paging/searching members and
 * households through the `community` function's main() as each community's admin.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLocalRuntime } from '../../src/server/host/local-runtime';
import { HTTP_FUNCTIONS } from '../../src/server/host/mounted-functions';
import { setRuntime } from '../../src/server/runtime';
import { generateDistrict, DISTRICT_SCALE } from '../../src/server/seed/generate-district';

interface Timing {
  label: string;
  samples: number[];
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (value: number) => value.toFixed(2);

async function timed(work: () => Promise<{ ok: boolean }>, into: number[]): Promise<unknown> {
  const start = performance.now();
  const result = await work();
  into.push(performance.now() - start);
  if (!result.ok) throw new Error(`bench call failed: ${JSON.stringify(result)}`);
  return result;
}

export async function benchDistrict(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'daiban-district-'));
  try {
    let local = createLocalRuntime({ dataDir, quiet: true });
    const generateStart = performance.now();
    const district = generateDistrict(local.store.db, { seed: 2026, now: Date.now() });
    const generateMs = performance.now() - generateStart;
    local.close();
    const bytes = statSync(join(dataDir, 'daiban.sqlite')).size + (statSync(join(dataDir, 'daiban.sqlite-wal'), { throwIfNoEntry: false })?.size ?? 0);

    const openStart = performance.now();
    local = createLocalRuntime({ dataDir, quiet: true });
    setRuntime(local.runtime);
    const community = HTTP_FUNCTIONS.community;
    await community({ action: 'listMembers', data: { limit: 20 } }, { localOpenId: district.adminOpenids[0] });
    const openMs = performance.now() - openStart;

    const browse: Timing = { label: '`listMembers`, every page of every community (20 a page)', samples: [] };
    const search: Timing = { label: '`listMembers` search by surname, phone prefix or skill', samples: [] };
    const households: Timing = { label: '`listHouseholds` search by address, first page', samples: [] };
    for (const admin of district.adminOpenids) {
      const context = { localOpenId: admin };
      let cursor: string | undefined;
      do {
        const result = (await timed(() => community({ action: 'listMembers', data: { limit: 20, cursor } }, context), browse.samples)) as {
          data: { nextCursor: string | null };
        };
        cursor = result.data.nextCursor ?? undefined;
      } while (cursor);
      for (const keyword of ['王', '150', '水电维修', '助老陪护', '张']) {
        await timed(() => community({ action: 'listMembers', data: { limit: 20, keyword } }, context), search.samples);
      }
      for (const keyword of ['3 栋', '2 单元', '501']) {
        await timed(() => community({ action: 'listHouseholds', data: { limit: 20, keyword } }, context), households.samples);
      }
    }
    setRuntime(null);
    local.close();

    const rows = [browse, search, households].map(({ label, samples }) => {
      const sorted = [...samples].sort((a, b) => a - b);
      return `| ${label} | ${sorted.length} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 99))} | ${ms(sorted[sorted.length - 1])} |`;
    });
    const { counts } = district;
    return [
      '## Benchmark: the district dataset',
      '',
      `- Size: ${DISTRICT_SCALE.communities} communities, ${counts.grids} grids, ${counts.buildings} buildings, ${counts.households.toLocaleString('en')} households, ${counts.members.toLocaleString('en')} members in ${counts.centralHouseholds} central households, ${counts.users.toLocaleString('en')} users`,
      `- Generate and write (one transaction, seed 2026): **${(generateMs / 1000).toFixed(2)} s**, ${(bytes / 1024 / 1024).toFixed(1)} MB on disk`,
      `- Open the file again and answer the first \`listMembers\`: **${ms(openMs)} ms**`,
      '- Calls go through the `community` function\'s main() as each community\'s admin (permission check, zod, SQLite)',
      '',
      '| Call | Calls | p50 (ms) | p99 (ms) | max (ms) |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
    ].join('\n');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchDistrict()
    .then((markdown) => console.log(markdown))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
