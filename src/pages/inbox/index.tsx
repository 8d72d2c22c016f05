import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ErrorText } from '../../components/error-text';
import { formatTime } from '../../components/format-time';
import { LoadMore } from '../../components/load-more';
import { usePagedLoader } from '../../hooks/use-paged-loader';
import { fetchInbox, markInboxRead } from '../../services/community';
import type { TInboxItem } from '../../shared/contracts/community';
import { PageRoot } from '../../components/page-root';

export default function InboxPage() {
  const { data, error, hasMore, loadMore, loadingMore } = usePagedLoader((cursor?: string) => fetchInbox(cursor), []);

  const open = (item: TInboxItem) => {
    if (!item.read) void markInboxRead([item.id]).catch(() => undefined);
    if (item.requestId) void Taro.navigateTo({ url: `/pages/request/detail/index?id=${item.requestId}` });
  };

  return (
    <PageRoot>
      <ErrorText message={error} />
      {data && data.items.length === 0 ? <View className='muted'>暂时没有消息。</View> : null}
      {data?.items.map((item) => (
        <View key={item.id} className='card inbox-item' role='link' onClick={() => open(item)}>
          <View className='subtitle'>
            {item.read ? '' : '● '}
            {item.title}
          </View>
          <View>{item.body}</View>
          <View className='muted'>{formatTime(item.createdAt)}</View>
        </View>
      ))}
      <LoadMore hasMore={hasMore} loading={loadingMore} onLoadMore={loadMore} />
    </PageRoot>
  );
}
