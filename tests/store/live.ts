import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DocDb } from '../../src/server/adapters/cloudbase/doc-db';
import { createNodeSdkDocDb } from '../../src/server/adapters/cloudbase/node-sdk-doc-db';

export interface LiveEnvironment {
  envId: string;
  secretId: string;
  secretKey: string;
}

/** The live suite runs only with a real environment and API keys (never in CI here). */
export function liveEnvironment(): LiveEnvironment | null {
  const { TCB_ENV_ID: envId, TCB_SECRET_ID: secretId, TCB_SECRET_KEY: secretKey } = process.env;
  return envId && secretId && secretKey ? { envId, secretId, secretKey } : null;
}

/** The collections the store uses, from their definition files in `cloudbase/database/`. */
export function collectionNames(): string[] {
  return readdirSync(join(__dirname, '../../cloudbase/database'))
    .filter((file) => file.endsWith('.json') && file !== 'security-rule.json')
    .map((file) => file.replace(/\.json$/, ''));
}

/**
 * A fresh set of collections per test (a unique prefix), created through the SDK so the test
 * starts empty; they are left for the environment's owner to drop (the SDK cannot delete them).
 */
export async function openLiveDocDb(): Promise<{ db: DocDb; close(): Promise<void> }> {
  const live = liveEnvironment();
  if (!live) throw new Error('TCB_ENV_ID, TCB_SECRET_ID and TCB_SECRET_KEY are needed for the live suite');
  const tcb = await import('@cloudbase/node-sdk');
  const app = tcb.init({ env: live.envId, secretId: live.secretId, secretKey: live.secretKey });
  const database = app.database();
  const prefix = `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}_`;
  for (const name of collectionNames()) await database.createCollection(prefix + name);
  return { db: createNodeSdkDocDb(database, { collectionPrefix: prefix }), close: async () => undefined };
}
