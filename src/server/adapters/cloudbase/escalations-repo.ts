import type { EscalationRepo } from '../../ports';
import type { DocDb, DocSession } from './doc-db';
import { unbuilt } from './_unbuilt';

export function createEscalationRepo(_db: DocDb, _session: DocSession): EscalationRepo {
  return unbuilt<EscalationRepo>('escalations');
}
