import type { OfferRepo, EventRepo } from '../../ports';
import type { DocDb, DocSession } from './doc-db';
import { unbuilt } from './_unbuilt';

export function createOfferRepo(_db: DocDb, _session: DocSession): OfferRepo {
  return unbuilt<OfferRepo>('offers');
}

export function createEventRepo(_db: DocDb, _session: DocSession): EventRepo {
  return unbuilt<EventRepo>('events');
}
