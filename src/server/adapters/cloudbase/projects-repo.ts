import type { ProjectRepo } from '../../ports';
import type { DocDb, DocSession } from './doc-db';
import { unbuilt } from './_unbuilt';

export function createProjectRepo(_db: DocDb, _session: DocSession): ProjectRepo {
  return unbuilt<ProjectRepo>('projects');
}
