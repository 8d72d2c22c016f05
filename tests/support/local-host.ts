import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startHost, type RunningHost } from '../../src/server/host/http-host';
import { createLocalRuntime, type LocalRuntime } from '../../src/server/host/local-runtime';
import { HTTP_FUNCTIONS, SCHEDULER } from '../../src/server/host/mounted-functions';
import { setRuntime } from '../../src/server/runtime';
import type { Clock } from '../../src/server/ports';
import { seedDemoData } from '../../src/server/seed/demo-data';

export const H5_DIR = resolve(__dirname, '../../dist/h5');

export interface TestHost {
  host: RunningHost;
  local: LocalRuntime;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The real local host on a free port, over a fresh SQLite file with the demo data as `npm start` seeds it
 * (with its six months of history, unless `demoHistory: false` for a test that counts every row of a month).
 */
export async function startTestHost(options: { withH5?: boolean; schedulerIntervalMs?: number; clock?: Clock; demoHistory?: boolean } = {}): Promise<TestHost> {
  if (options.withH5 && !existsSync(join(H5_DIR, 'index.html'))) throw new Error('dist/h5 is missing: run `npm run build:h5` first (npm test does).');
  const dataDir = mkdtempSync(join(tmpdir(), 'daiban-host-'));
  const local = createLocalRuntime({ dataDir, quiet: true, clock: options.clock });
  setRuntime(local.runtime);
  seedDemoData(local.store.db, options.clock?.now() ?? Date.now(), { history: options.demoHistory ?? true });
  const host = await startHost({
    local,
    dataDir,
    functions: HTTP_FUNCTIONS,
    scheduler: options.schedulerIntervalMs ? SCHEDULER : undefined,
    schedulerIntervalMs: options.schedulerIntervalMs,
    h5Dir: options.withH5 ? H5_DIR : undefined,
  });
  return {
    host,
    local,
    dataDir,
    async close() {
      await host.close();
      setRuntime(null);
      local.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
