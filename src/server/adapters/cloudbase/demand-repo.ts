import type { DemandRepo } from '../../ports';
import type { DocDb, DocSession } from './doc-db';
import { unbuilt } from './_unbuilt';

export function createDemandRepo(_db: DocDb, _session: DocSession): DemandRepo {
  return unbuilt<DemandRepo>('demand');
}
