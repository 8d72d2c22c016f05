import type { UserRepo } from '../../ports';
import type { DocDb, DocSession } from './doc-db';
import { unbuilt } from './_unbuilt';

export function createUserRepo(_db: DocDb, _session: DocSession): UserRepo {
  return unbuilt<UserRepo>('users');
}
