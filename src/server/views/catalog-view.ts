import type { TCatalogItemView } from '../../shared/contracts/points';
import { remainingThisMonth } from '../../shared/domain/supermarket';
import type { CatalogItemRecord, Files } from '../ports';

/** `taken` is the member's count this month when the view is for a member (or the till scanning one). */
export function toCatalogItemView(item: CatalogItemRecord, shopName: string, files: Files, taken?: number): TCatalogItemView {
  return {
    id: item.id,
    shopId: item.shopId,
    shopName,
    name: item.name,
    kind: item.kind,
    description: item.description,
    price: item.price,
    stock: item.stock,
    monthlyLimit: item.monthlyLimit,
    remainingThisMonth: taken === undefined ? null : remainingThisMonth(item.monthlyLimit, taken),
    photos: item.photos,
    photoUrls: item.photos.map((photo) => files.urlFor(photo)),
    onShelf: item.onShelf,
  };
}
