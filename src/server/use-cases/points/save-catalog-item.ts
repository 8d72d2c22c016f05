import type { TCatalogItemView, TSaveItemInput } from '../../../shared/contracts/points';
import { AppError } from '../../../shared/errors';
import { newId } from '../../ids';
import { requireStaffShop } from './staff-shop';
import { toCatalogItemView } from '../../views/catalog-view';
import { checkPhotosExist } from '../check-photos';
import type { ActionContext } from '../context';

/** Adds an item to the shop's catalogue or changes one; a price change applies to later redemptions only. */
export async function saveCatalogItem({ runtime, caller }: ActionContext, input: TSaveItemInput): Promise<TCatalogItemView> {
  await checkPhotosExist(runtime.files, input.photos, 'photos');
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const shop = await requireStaffShop(tx, caller, input.shopId);
    const items = await tx.catalog.listByShop(shop.id, false);
    const current = input.itemId ? items.find((item) => item.id === input.itemId) : undefined;
    if (input.itemId && !current) throw new AppError('NOT_FOUND', '没有找到这件商品');
    if (items.some((item) => item.name === input.name && item.id !== input.itemId)) throw new AppError('CONFLICT', `本店已有「${input.name}」`);
    const item = {
      id: current?.id ?? newId('it'),
      shopId: shop.id,
      communityId: shop.communityId,
      name: input.name,
      kind: input.kind,
      description: input.description,
      price: input.price,
      stock: input.stock,
      monthlyLimit: input.monthlyLimit,
      photos: input.photos,
      onShelf: input.onShelf,
      createdAt: current?.createdAt ?? now,
      updatedAt: now,
    };
    await tx.catalog.save(item);
    return toCatalogItemView(item, shop.name, runtime.files);
  });
}
