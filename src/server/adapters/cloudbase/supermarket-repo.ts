import type { CatalogRepo, RedemptionRepo } from '../../ports';
import type { DocDb, DocSession } from './doc-db';
import { unbuilt } from './_unbuilt';

export function createCatalogRepo(_db: DocDb, _session: DocSession): CatalogRepo {
  return unbuilt<CatalogRepo>('catalog');
}

export function createRedemptionRepo(_db: DocDb, _session: DocSession): RedemptionRepo {
  return unbuilt<RedemptionRepo>('redemptions');
}
