import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/server/adapters/sqlite/sqlite-store';
import { createCloudbaseStore } from '../../src/server/adapters/cloudbase/cloudbase-store';
import type { Store } from '../../src/server/ports';
import { MemoryDocDb } from '../support/memory-doc-db';
import { seedCommunities } from './fixtures';
import { openLiveDocDb, liveEnvironment } from './live';

export interface OpenedStore {
  store: Store;
  close(): Promise<void>;
}

export interface StoreKind {
  name: string;
  open(): Promise<OpenedStore>;
}

const sqlite: StoreKind = {
  name: 'SQLite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'daiban-store-'));
    const store = openSqliteStore(join(dir, 'store.sqlite'));
    return {
      store,
      async close() {
        store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const cloudbaseInMemory: StoreKind = {
  name: 'CloudBase (in-memory twin)',
  async open() {
    return { store: createCloudbaseStore(new MemoryDocDb()), close: async () => undefined };
  },
};

const cloudbaseLive: StoreKind = {
  name: 'CloudBase (live)',
  async open() {
    const live = await openLiveDocDb();
    return { store: createCloudbaseStore(live.db), close: live.close };
  },
};

/** SQLite and the CloudBase store on its offline twin always; the real CloudBase environment when credentials are set. */
export const STORE_KINDS: StoreKind[] = liveEnvironment() ? [sqlite, cloudbaseInMemory, cloudbaseLive] : [sqlite, cloudbaseInMemory];

/**
 * Refusals are asserted with `rejects.toBeDefined()`: better-sqlite3's errors are built by a native
 * module that jest shares between the test files of one worker, so they fail `instanceof Error`
 * (and `rejects.toThrow()`) in every file but the first.
 *
 * Runs the same store tests on every store. Each test gets a fresh, empty store from `open`
 * (use it in beforeEach and close it in afterEach).
 */
export function describeEachStore(title: string, body: (kind: StoreKind) => void): void {
  describe.each(STORE_KINDS.map((kind) => [kind.name, kind] as const))(`${title} — %s`, (_name, kind) => body(kind));
}

/**
 * Registers a fresh store per test: opened and seeded with the two communities (then `seed`, if
 * given) before each test, closed after it. The returned store always reaches the current test's.
 */
export function freshStoreEachTest(kind: StoreKind, seed?: (store: Store) => Promise<void>): Store {
  let opened: OpenedStore | null = null;
  beforeEach(async () => {
    opened = await kind.open();
    await seedCommunities(opened.store);
    if (seed) await seed(opened.store);
  });
  afterEach(async () => {
    await opened?.close();
    opened = null;
  });
  const current = (): Store => {
    if (!opened) throw new Error('the store is open only inside a test');
    return opened.store;
  };
  return { transaction: (work) => current().transaction(work), read: (work) => current().read(work), standalone: (work) => current().standalone(work) };
}
