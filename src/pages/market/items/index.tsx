import { View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '../../../components/big-button';
import { ChipSelect } from '../../../components/chip-select';
import { ErrorText } from '../../../components/error-text';
import { PhotoPicker, type PickedPhoto } from '../../../components/photo-picker';
import { TextField } from '../../../components/text-field';
import { useAction } from '../../../hooks/use-action';
import { useLoader } from '../../../hooks/use-loader';
import { fetchShopItems, saveCatalogItem } from '../../../services/points';
import type { TCatalogItemView } from '../../../shared/contracts/points';
import { CATALOG_ITEM_KIND_LABELS, CATALOG_ITEM_KINDS, type CatalogItemKind } from '../../../shared/domain/supermarket';
import { PageRoot } from '../../../components/page-root';

const blank = { name: '', kind: 'goods' as CatalogItemKind, price: '', stock: '', monthlyLimit: '', description: '', onShelf: true };
/** Empty means "no limit". */
const countOrNull = (text: string) => (text.trim() === '' ? null : Number(text));

/** The shop's catalogue: add and edit goods and services, put them on or off the shelf. */
export default function ItemsPage() {
  const { data, error, reload } = useLoader(() => fetchShopItems(), []);
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState(blank);
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [uploading, setUploading] = useState(false);
  const { error: actionError, setError: setActionError, run } = useAction();
  const set = (patch: Partial<typeof blank>) => setForm({ ...form, ...patch });

  const edit = (item: TCatalogItemView) => {
    setEditing(item.id);
    setForm({
      name: item.name,
      kind: item.kind,
      price: String(item.price),
      stock: item.stock === null ? '' : String(item.stock),
      monthlyLimit: item.monthlyLimit === null ? '' : String(item.monthlyLimit),
      description: item.description,
      onShelf: item.onShelf,
    });
    setPhotos(item.photos.map((id, index) => ({ id, preview: item.photoUrls[index] ?? '' })));
  };

  const save = () =>
    run(async () => {
      await saveCatalogItem({
        itemId: editing ?? undefined,
        name: form.name,
        kind: form.kind,
        price: Number(form.price),
        stock: countOrNull(form.stock),
        monthlyLimit: countOrNull(form.monthlyLimit),
        description: form.description,
        onShelf: form.onShelf,
        photos: photos.map((photo) => photo.id),
      });
      setEditing(null);
      setForm(blank);
      setPhotos([]);
      await reload();
    });

  return (
    <PageRoot>
      <ErrorText message={error ?? actionError} />
      {data ? <View className='title'>{data.shop.name}</View> : null}
      {data?.items.map((item) => (
        <View key={item.id} className='card shop-item' onClick={() => edit(item)}>
          <View className='subtitle'>
            {item.name} · {item.price} 分{item.onShelf ? '' : '（已下架）'}
          </View>
          <View className='muted'>
            {CATALOG_ITEM_KIND_LABELS[item.kind]} · 库存 {item.stock ?? '不限'} · 每月限兑 {item.monthlyLimit ?? '不限'}
          </View>
        </View>
      ))}
      <View className='title'>{editing ? '修改商品' : '新增商品'}</View>
      <TextField id='item-name' label='名称' value={form.name} onChange={(name) => set({ name })} maxlength={40} />
      <ChipSelect label='类型' options={CATALOG_ITEM_KINDS.map((kind) => ({ value: kind, label: CATALOG_ITEM_KIND_LABELS[kind] }))} selected={[form.kind]} onChange={(next) => set({ kind: next[0] as CatalogItemKind })} />
      <TextField id='item-price' label='所需积分' value={form.price} onChange={(price) => set({ price })} type='number' maxlength={6} />
      <TextField id='item-stock' label='库存（不填为不限）' value={form.stock} onChange={(stock) => set({ stock })} type='number' maxlength={7} />
      <TextField id='item-limit' label='每人每月限兑（不填为不限）' value={form.monthlyLimit} onChange={(monthlyLimit) => set({ monthlyLimit })} type='number' maxlength={3} />
      <TextField id='item-description' label='说明（可选）' value={form.description} onChange={(description) => set({ description })} maxlength={200} />
      <ChipSelect
        label='上架'
        options={[
          { value: 'on', label: '上架' },
          { value: 'off', label: '下架' },
        ]}
        selected={[form.onShelf ? 'on' : 'off']}
        onChange={(next) => set({ onShelf: next[0] !== 'off' })}
      />
      <View className='subtitle'>照片（可选）</View>
      <PhotoPicker photos={photos} onChange={setPhotos} onBusy={setUploading} onError={setActionError} disabled={uploading} />
      <BigButton id='item-save' disabled={uploading} onClick={() => void save()}>
        保存
      </BigButton>
      {editing ? (
        <BigButton
          secondary
          onClick={() => {
            setEditing(null);
            setForm(blank);
            setPhotos([]);
          }}
        >
          取消修改
        </BigButton>
      ) : null}
    </PageRoot>
  );
}
