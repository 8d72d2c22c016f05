import { Image, View } from '@tarojs/components';
import type { TCatalogItemView } from '../shared/contracts/points';
import { CATALOG_ITEM_KIND_LABELS } from '../shared/domain/supermarket';
import { QtyStepper } from './qty-stepper';
import { imageLabel } from './a11y';

export type Picked = Record<string, number>;

/** The most of an item one person can take now: stock and what is left of the monthly limit. */
function maxOf(item: TCatalogItemView): number | null {
  const limits = [item.stock, item.remainingThisMonth].filter((value): value is number => value !== null);
  return limits.length === 0 ? null : Math.min(...limits);
}

export function pickedLines(picked: Picked) {
  return Object.entries(picked)
    .filter(([, qty]) => qty > 0)
    .map(([itemId, qty]) => ({ itemId, qty }));
}

export function pickedTotal(items: readonly TCatalogItemView[], picked: Picked): number {
  return items.reduce((sum, item) => sum + item.price * (picked[item.id] ?? 0), 0);
}

/** Items with price, stock and the monthly limit left, each with a quantity stepper. */
export function CatalogPicker({ items, picked, onChange }: { items: readonly TCatalogItemView[]; picked: Picked; onChange: (picked: Picked) => void }) {
  return (
    <View>
      {items.map((item) => (
        <View key={item.id} className='card catalog-item' id={`item-${item.id}`}>
          {item.photoUrls[0] ? <Image className='photo' src={item.photoUrls[0]} mode='aspectFill' {...imageLabel(item.name)} /> : null}
          <View className='subtitle'>
            {item.name} · {item.price} 分
          </View>
          <View className='muted'>
            {CATALOG_ITEM_KIND_LABELS[item.kind]}
            {item.stock !== null ? ` · 库存 ${item.stock}` : ''}
            {item.monthlyLimit !== null ? ` · 每月限兑 ${item.monthlyLimit}${item.remainingThisMonth !== null ? `，还可兑 ${item.remainingThisMonth}` : ''}` : ''}
          </View>
          {item.description ? <View className='muted'>{item.description}</View> : null}
          <QtyStepper id={`pick-${item.id}`} value={picked[item.id] ?? 0} max={maxOf(item)} onChange={(qty) => onChange({ ...picked, [item.id]: qty })} />
        </View>
      ))}
    </View>
  );
}
