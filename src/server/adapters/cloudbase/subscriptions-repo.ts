import type { SubscriptionRepo } from '../../ports';
import type { DocDb, DocSession } from './doc-db';
import { unbuilt } from './_unbuilt';

export function createSubscriptionRepo(_db: DocDb, _session: DocSession): SubscriptionRepo {
  return unbuilt<SubscriptionRepo>('subscriptions');
}
