import type { ShopRepo, ServicePointRepo } from '../../ports';
import type { DocDb, DocSession } from './doc-db';
import { unbuilt } from './_unbuilt';

export function createShopRepo(_db: DocDb, _session: DocSession): ShopRepo {
  return unbuilt<ShopRepo>('shops');
}

export function createServicePointRepo(_db: DocDb, _session: DocSession): ServicePointRepo {
  return unbuilt<ServicePointRepo>('servicePoints');
}
