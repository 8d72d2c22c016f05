import type { LedgerRepo } from '../../ports';
import type { DocDb, DocSession } from './doc-db';
import { unbuilt } from './_unbuilt';

export function createLedgerRepo(_db: DocDb, _session: DocSession): LedgerRepo {
  return unbuilt<LedgerRepo>('ledger');
}
