import type { RequestRepo } from '../../ports';
import type { DocDb, DocSession } from './doc-db';
import { unbuilt } from './_unbuilt';

export function createRequestRepo(_db: DocDb, _session: DocSession): RequestRepo {
  return unbuilt<RequestRepo>('requests');
}
