import { createManagerDatabaseAdmin } from '../../scripts/database-admin';
import { readDatabaseDefinitions } from '../../scripts/database-definitions';
import { setupDatabase } from '../../scripts/setup-database';
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

/**
 * A fresh set of collections per test (a unique prefix), made by the same setup as production
 * (`scripts/setup-database.ts`: collections, indexes including the 2dsphere ones geoNear needs,
 * security rules), so each test starts empty; they are left for the environment's owner to drop.
 */
export async function openLiveDocDb(): Promise<{ db: DocDb; close(): Promise<void> }> {
  const live = liveEnvironment();
  if (!live) throw new Error('TCB_ENV_ID, TCB_SECRET_ID and TCB_SECRET_KEY are needed for the live suite');
  const prefix = `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}_`;
  await setupDatabase(createManagerDatabaseAdmin(live), readDatabaseDefinitions(), { prefix });
  const tcb = await import('@cloudbase/node-sdk');
  const app = tcb.init({ env: live.envId, secretId: live.secretId, secretKey: live.secretKey });
  return { db: createNodeSdkDocDb(app.database(), { collectionPrefix: prefix }), close: async () => undefined };
}
