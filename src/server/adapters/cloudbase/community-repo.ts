import type { CommunityRepo } from '../../ports';
import type { DocDb, DocSession } from './doc-db';
import { unbuilt } from './_unbuilt';

export function createCommunityRepo(_db: DocDb, _session: DocSession): CommunityRepo {
  return unbuilt<CommunityRepo>('communities');
}
