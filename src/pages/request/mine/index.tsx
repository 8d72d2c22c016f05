import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { ErrorText } from '../../../components/error-text';
import { RequestCard } from '../../../components/request-card';
import { LoadMore } from '../../../components/load-more';
import { usePagedLoader } from '../../../hooks/use-paged-loader';
import { fetchMyRequests } from '../../../services/requests';
import { PageRoot } from '../../../components/page-root';

export default function MyRequestsPage() {
  const { data, error, hasMore, loadMore, loadingMore } = usePagedLoader((cursor?: string) => fetchMyRequests(cursor), []);
  return (
    <PageRoot>
      <ErrorText message={error} />
      {data && data.items.length === 0 ? <View className='muted'>您还没有提交过求助。</View> : null}
      {data?.items.map((request) => <RequestCard key={request.id} request={request} />)}
      <LoadMore hasMore={hasMore} loading={loadingMore} onLoadMore={loadMore} />
      <BigButton onClick={() => Taro.navigateTo({ url: '/pages/request/new/index' })}>我要求助</BigButton>
    </PageRoot>
  );
}
