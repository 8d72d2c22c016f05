import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStore, type SqliteStore } from '../adapters/sqlite/sqlite-store';
import { wordListContentCheck } from '../adapters/local/word-list-content-check';
import type { Clock, Files, Runtime } from '../ports';
import { saveLocalExport } from './local-exports';
import { systemClock } from '../clock';

export { systemClock };
import { localQrCodes } from './local-qr-codes';

/** What the local host puts in the function context; production gets identity from CloudBase instead. */
export interface LocalContext {
  localOpenId?: string;
  localTimer?: boolean;
}

const LOCAL_FILE = /^local\/([a-z0-9-]{8,64}\.(jpg|png|webp))$/;

export function uploadsDir(dataDir: string): string {
  return join(dataDir, 'uploads');
}

export function createLocalFiles(dataDir: string): Files {
  const dir = uploadsDir(dataDir);
  return {
    async exists(fileId) {
      const match = LOCAL_FILE.exec(fileId);
      return match !== null && existsSync(join(dir, match[1]));
    },
    urlFor(fileId) {
      const match = LOCAL_FILE.exec(fileId);
      return match ? `/files/${match[1]}` : '';
    },
    saveExport: saveLocalExport(dataDir),
    async remove(fileIds) {
      for (const fileId of fileIds) {
        const match = LOCAL_FILE.exec(fileId);
        if (match) rmSync(join(dir, match[1]), { force: true });
      }
    },
  };
}

function asLocalContext(context: unknown): LocalContext {
  return typeof context === 'object' && context !== null ? (context as LocalContext) : {};
}

/** The local signing key lives next to the database, so codes survive a restart but not a fresh data directory. */
function loadSigningKey(dataDir: string): string {
  const file = join(dataDir, 'signing.key');
  try {
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process sharing this data directory wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}

export interface LocalRuntime {
  runtime: Runtime;
  store: SqliteStore;
  close(): void;
}

export function createLocalRuntime(options: { dataDir: string; clock?: Clock; quiet?: boolean }): LocalRuntime {
  mkdirSync(uploadsDir(options.dataDir), { recursive: true });
  const store = openSqliteStore(join(options.dataDir, 'daiban.sqlite'));
  const runtime: Runtime = {
    store,
    contentCheck: wordListContentCheck,
    clock: options.clock ?? systemClock,
    files: createLocalFiles(options.dataDir),
    qrCodes: localQrCodes,
    signingKey: process.env.POINTS_SIGNING_KEY ?? loadSigningKey(options.dataDir),
    // Locally every message lands in the in-app inbox, which lists the outbox directly.
    notifier: { deliver: async () => 'inbox' },
    identify: async (_event, context) => asLocalContext(context).localOpenId ?? null,
    isTimerEvent: (_event, context) => asLocalContext(context).localTimer === true,
    log(level, message, detail) {
      if (options.quiet && level !== 'error') return;
      const line = `[${level}] ${message}`;
      if (level === 'error') console.error(line, detail ?? '');
      else console.log(line, detail ?? '');
    },
  };
  return { runtime, store, close: () => store.close() };
}
