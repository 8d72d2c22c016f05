import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '../../src/shared/errors';
import type { InputOf, OutputOf, FunctionName, ActionOf } from '../../src/shared/contracts';
import { createLocalRuntime, type LocalRuntime } from '../../src/server/host/local-runtime';
import { HTTP_FUNCTIONS, SCHEDULER } from '../../src/server/host/mounted-functions';
import { setRuntime } from '../../src/server/runtime';
import type { Clock } from '../../src/server/ports';

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(public current = Date.UTC(2026, 10, 2, 1, 0, 0)) {}
  now() {
    return this.current;
  }
  advanceMinutes(minutes: number) {
    this.current += minutes * 60_000;
  }
}

export interface TestWorld {
  dataDir: string;
  local: LocalRuntime;
  clock: ManualClock;
  /** Calls a cloud function's main() exactly as the host does, as the given openid. */
  call<F extends FunctionName, A extends ActionOf<F>>(fn: F, action: A, data: InputOf<F, A> | Record<string, unknown>, openid: string | undefined): Promise<Envelope<OutputOf<F, A>>>;
  ok<F extends FunctionName, A extends ActionOf<F>>(fn: F, action: A, data: InputOf<F, A>, openid: string): Promise<OutputOf<F, A>>;
  tick(): Promise<Envelope<unknown>>;
  count(table: string): number;
  /** Postings made since the demo data was seeded (its opening balances excluded). */
  countNewPostings(): number;
  close(): void;
}

export function createTestWorld(): TestWorld {
  const dataDir = mkdtempSync(join(tmpdir(), 'daiban-test-'));
  const clock = new ManualClock();
  const local = createLocalRuntime({ dataDir, clock, quiet: true });
  setRuntime(local.runtime);
  const world: TestWorld = {
    dataDir,
    local,
    clock,
    async call(fn, action, data, openid) {
      return (await HTTP_FUNCTIONS[fn]({ action, data }, { localOpenId: openid })) as never;
    },
    async ok(fn, action, data, openid) {
      const result = await world.call(fn, action, data, openid);
      if (!result.ok) throw new Error(`${fn}.${action} failed: ${result.error.code} ${result.error.message}`);
      return result.data;
    },
    tick: () => SCHEDULER({ Type: 'Timer' }, { localTimer: true }),
    count(table) {
      return (local.store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    },
    countNewPostings() {
      return (local.store.db.prepare(`SELECT COUNT(*) AS n FROM postings WHERE idempotency_key NOT LIKE 'opening:%'`).get() as { n: number }).n;
    },
    close() {
      setRuntime(null);
      local.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return world;
}

/** Every row of every table, as one string: equal before and after means nothing was written. */
export function fingerprint(world: TestWorld): string {
  const db = world.local.store.db;
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
  const dump = (name: string) => (db.prepare(`SELECT * FROM "${name}"`).all() as unknown[]).map((row) => JSON.stringify(row)).sort();
  return tables.map(({ name }) => `${name}:${dump(name).join()}`).join('\n');
}
