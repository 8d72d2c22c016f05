import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { BigButton } from '../../../components/big-button';
import { CatalogPicker, pickedLines, pickedTotal, type Picked } from '../../../components/catalog-picker';
import { ChipSelect } from '../../../components/chip-select';
import { ErrorText } from '../../../components/error-text';
import { useAction } from '../../../hooks/use-action';
import { useLoader } from '../../../hooks/use-loader';
import { fetchCatalog, placeOrder } from '../../../services/points';
import { newClientToken } from '../../../services/client-token';
import { PageRoot } from '../../../components/page-root';

/** The community's shops: pick items and order them for pickup; the points are held until then. */
export default function CatalogPage() {
  const { data, error } = useLoader(() => fetchCatalog(), []);
  const [shopId, setShopId] = useState<string | null>(null);
  const [picked, setPicked] = useState<Picked>({});
  const [clientToken, setClientToken] = useState(newClientToken);
  const { busy, error: actionError, run } = useAction();

  const shop = data?.shops.find((candidate) => candidate.id === shopId) ?? data?.shops[0] ?? null;
  const total = shop ? pickedTotal(shop.items, picked) : 0;

  const order = () => {
    if (!shop) return;
    return run(async () => {
      await placeOrder({ clientToken, shopId: shop.id, lines: pickedLines(picked) });
      setPicked({});
      setClientToken(newClientToken());
      await Taro.redirectTo({ url: '/pages/market/orders/index' });
    });
  };

  return (
    <PageRoot>
      <ErrorText message={error ?? actionError} />
      {data ? (
        <View className='card'>
          <View className='subtitle' id='catalog-available'>
            可用积分 {data.available} 分
          </View>
          <View className='muted'>线上下单后到店出示取货码取货；下单时积分先冻结，取货时扣除，取消或过期自动退回。</View>
        </View>
      ) : null}
      {data && data.shops.length === 0 ? <View className='muted'>本社区的积分超市还没有上架商品。</View> : null}
      {data && data.shops.length > 1 ? (
        <ChipSelect
          label='店铺'
          options={data.shops.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
          selected={shop ? [shop.id] : []}
          onChange={(selected) => {
            setShopId(selected[0] ?? null);
            setPicked({});
          }}
        />
      ) : null}
      {shop ? (
        <View>
          <View className='title'>{shop.name}</View>
          <CatalogPicker items={shop.items} picked={picked} onChange={setPicked} />
          <BigButton id='order-submit' disabled={busy || total === 0} onClick={order}>
            {total === 0 ? '请先选择商品' : `下单兑换（合计 ${total} 分）`}
          </BigButton>
        </View>
      ) : null}
    </PageRoot>
  );
}
