import { View } from '@tarojs/components';
import { useCallback } from 'react';
import { ErrorText } from '../../components/error-text';
import { formatTime } from '../../components/format-time';
import { LoadMore } from '../../components/load-more';
import { usePagedLoader } from '../../hooks/use-paged-loader';
import { fetchMyPoints } from '../../services/api';

export default function PointsPage() {
  const load = useCallback((cursor?: string) => fetchMyPoints(cursor), []);
  const { data, error, hasMore, loadMore, loadingMore } = usePagedLoader(load);
  return (
    <View className='page'>
      <ErrorText message={error} />
      <View className='card' style={{ textAlign: 'center' }}>
        <View className='muted'>当前积分</View>
        <View className='title' id='points-balance' style={{ fontSize: '96px', color: '#c8161d' }}>
          {data ? data.balance : '—'}
        </View>
        {data && data.held > 0 ? <View className='muted'>冻结中 {data.held} 分</View> : null}
      </View>
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
    </View>
  );
}
