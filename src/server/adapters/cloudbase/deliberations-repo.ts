import type { DeliberationRepo } from '../../ports';
import type { DocDb, DocSession } from './doc-db';
import { unbuilt } from './_unbuilt';

export function createDeliberationRepo(_db: DocDb, _session: DocSession): DeliberationRepo {
  return unbuilt<DeliberationRepo>('deliberations');
}
