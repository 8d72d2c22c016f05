import type { EvaluationRepo } from '../../ports';
import type { DocDb, DocSession } from './doc-db';
import { unbuilt } from './_unbuilt';

export function createEvaluationRepo(_db: DocDb, _session: DocSession): EvaluationRepo {
  return unbuilt<EvaluationRepo>('evaluations');
}
