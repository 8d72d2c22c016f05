import type { MemberRepo } from '../../ports';
import type { DocDb, DocSession } from './doc-db';
import { unbuilt } from './_unbuilt';

export function createMemberRepo(_db: DocDb, _session: DocSession): MemberRepo {
  return unbuilt<MemberRepo>('members');
}
