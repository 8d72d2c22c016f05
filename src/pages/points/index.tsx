import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../components/big-button';
import { ErrorText } from '../../components/error-text';
import { formatTime } from '../../components/format-time';
import { LoadMore } from '../../components/load-more';
import { usePagedLoader } from '../../hooks/use-paged-loader';
import { fetchMyPoints } from '../../services/points';
import { PageRoot } from '../../components/page-root';

const go = (url: string) => () => Taro.navigateTo({ url });

export default function PointsPage() {
  const { data, error, hasMore, loadMore, loadingMore } = usePagedLoader((cursor?: string) => fetchMyPoints(cursor), []);
  return (
    <PageRoot>
      <ErrorText message={error} />
      <View className='card' style={{ textAlign: 'center' }}>
        <View className='muted'>可用积分</View>
        <View className='title' id='points-balance' style={{ fontSize: '96px', color: '#c8161d' }}>
          {data ? data.available : '—'}
        </View>
        {data && data.held > 0 ? (
          <View className='muted' id='points-held'>
            冻结 {data.held} 分（待取货订单）
          </View>
        ) : null}
      </View>
      <BigButton id='go-redeem-code' onClick={go('/pages/market/code/index')}>
        出示兑换码
      </BigButton>
      <BigButton id='go-catalog' secondary onClick={go('/pages/market/catalog/index')}>
        积分超市
      </BigButton>
      <BigButton id='go-my-orders' secondary onClick={go('/pages/market/orders/index')}>
        我的兑换
      </BigButton>
      <View className='subtitle'>积分明细</View>
      {data && data.items.length === 0 ? <View className='muted'>还没有积分记录，完成一次服务就能获得积分。</View> : null}
      {data?.items.map((item) => (
        <View key={item.id} className='card points-item row' style={{ justifyContent: 'space-between' }}>
          <View>
            <View>{item.memo}</View>
            <View className='muted'>{formatTime(item.at)}</View>
          </View>
          <View className='subtitle' style={{ color: item.amount > 0 ? '#a8071a' : '#1f1f1f' }}>
            {item.amount > 0 ? `+${item.amount}` : item.amount}
          </View>
        </View>
      ))}
      <LoadMore hasMore={hasMore} loading={loadingMore} onLoadMore={loadMore} />
    </PageRoot>
  );
}
