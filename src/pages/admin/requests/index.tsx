import { View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { ChipSelect } from '../../../components/chip-select';
import { ErrorText } from '../../../components/error-text';
import { LoadMore } from '../../../components/load-more';
import { RequestCard } from '../../../components/request-card';
import { usePagedLoader } from '../../../hooks/use-paged-loader';
import { fetchRequestsForStaff } from '../../../services/api';

type Scope = 'needs_manual' | 'open' | 'escalated' | 'finished';
const SCOPES: { value: Scope; label: string }[] = [
  { value: 'needs_manual', label: '待人工派单' },
  { value: 'open', label: '办理中' },
  { value: 'escalated', label: '吹哨上报' },
  { value: 'finished', label: '已结束' },
];

/** The community's requests; open one to see the ranked members, assign, or escalate. */
export default function StaffRequestsPage() {
  const [scope, setScope] = useState<Scope>('needs_manual');
  const load = useCallback((cursor?: string) => fetchRequestsForStaff(scope, cursor), [scope]);
  const { data, error, hasMore, loadMore, loadingMore } = usePagedLoader(load);
  return (
    <View className='page'>
      <ChipSelect label='范围' idPrefix='scope' options={SCOPES} selected={[scope]} onChange={(next) => setScope(next[0] as Scope)} />
      <ErrorText message={error} />
      {data && data.items.length === 0 ? (
        <View className='muted' id='staff-requests-empty'>
          没有{SCOPES.find((item) => item.value === scope)?.label}的求助。
        </View>
      ) : null}
      {data?.items.map((request) => <RequestCard key={request.id} request={request} />)}
      <LoadMore hasMore={hasMore} loading={loadingMore} onLoadMore={loadMore} />
    </View>
  );
}
