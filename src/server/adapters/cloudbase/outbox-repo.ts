import type { OutboxRepo } from '../../ports';
import type { DocDb, DocSession } from './doc-db';
import { unbuilt } from './_unbuilt';

export function createOutboxRepo(_db: DocDb, _session: DocSession): OutboxRepo {
  return unbuilt<OutboxRepo>('outbox');
}
