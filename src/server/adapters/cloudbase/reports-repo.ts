import type { ReportRepo } from '../../ports';
import type { DocDb, DocSession } from './doc-db';
import { unbuilt } from './_unbuilt';

export function createReportRepo(_db: DocDb, _session: DocSession): ReportRepo {
  return unbuilt<ReportRepo>('reports');
}
