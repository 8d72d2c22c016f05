import type { ServiceRepo } from '../../ports';
import type { DocDb, DocSession } from './doc-db';
import { unbuilt } from './_unbuilt';

export function createServiceRepo(_db: DocDb, _session: DocSession): ServiceRepo {
  return unbuilt<ServiceRepo>('service');
}
