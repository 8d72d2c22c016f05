import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '../../../components/big-button';
import { ChipSelect } from '../../../components/chip-select';
import { ErrorText } from '../../../components/error-text';
import { QrImage } from '../../../components/qr-image';
import { TextField } from '../../../components/text-field';
import { useAction } from '../../../hooks/use-action';
import { useLoader } from '../../../hooks/use-loader';
import { createShop, fetchShops } from '../../../services/community';
import { SHOP_KIND_LABELS, SHOP_KINDS, type ShopKind } from '../../../shared/domain/community-settings';
import { PageRoot } from '../../../components/page-root';

/** The points supermarket and contracted organisations; staff join with the invitation code or its QR. */
export default function ShopsPage() {
  const { data, error, reload } = useLoader(() => fetchShops(), []);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ShopKind>('supermarket');
  const [description, setDescription] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const { error: actionError, run } = useAction();

  const create = () =>
    run(async () => {
      await createShop({ name, kind, description });
      setName('');
      setDescription('');
      await reload();
    });

  return (
    <PageRoot>
      <ErrorText message={error ?? actionError} />
      {data?.items.map((shop) => (
        <View key={shop.id} className='card shop-item'>
          <View className='subtitle'>
            {shop.name}（{SHOP_KIND_LABELS[shop.kind]}）
          </View>
          {shop.description ? <View className='muted'>{shop.description}</View> : null}
          <View>
            店员邀请码：<Text className='subtitle'>{shop.inviteCode}</Text>
          </View>
          <View>店员：{shop.staff.map((staff) => staff.name).join('、') || '还没有店员'}</View>
          <BigButton secondary onClick={() => setShown(shown === shop.id ? null : shop.id)}>
            {shown === shop.id ? '收起邀请二维码' : '显示邀请二维码'}
          </BigButton>
          {shown === shop.id ? <QrImage kind='shop_invite' id={shop.id} caption={`${shop.name} 店员邀请`} /> : null}
        </View>
      ))}
      <View className='title'>新建店铺</View>
      <TextField id='shop-name' label='名称' value={name} onChange={setName} maxlength={30} />
      <ChipSelect label='类型' options={SHOP_KINDS.map((item) => ({ value: item, label: SHOP_KIND_LABELS[item] }))} selected={[kind]} onChange={(next) => setKind(next[0] as ShopKind)} />
      <TextField id='shop-description' label='说明（可选）' value={description} onChange={setDescription} maxlength={200} />
      <BigButton id='shop-create' onClick={create}>
        新建
      </BigButton>
    </PageRoot>
  );
}
