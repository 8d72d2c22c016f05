import { View } from '@tarojs/components';
import { useState } from 'react';
import { ChipSelect } from '../../../components/chip-select';
import { ErrorText } from '../../../components/error-text';
import { HeldReview } from '../../../components/held-review';
import { LoadMore } from '../../../components/load-more';
import { RequestCard } from '../../../components/request-card';
import { usePagedLoader } from '../../../hooks/use-paged-loader';
import { fetchRequestsForStaff } from '../../../services/requests';
import { PageRoot } from '../../../components/page-root';

type Scope = 'needs_manual' | 'held' | 'open' | 'escalated' | 'finished';
const SCOPES: { value: Scope; label: string }[] = [
  { value: 'needs_manual', label: '待人工派单' },
  { value: 'held', label: '待审核' },
  { value: 'open', label: '办理中' },
  { value: 'escalated', label: '吹哨上报' },
  { value: 'finished', label: '已结束' },
];

/**
 * The community's requests; open one to see the ranked members, assign, or escalate. Requests whose words
 * the content check wants a person to read first wait under 待审核, with 通过 / 驳回 right on the list.
 */
export default function StaffRequestsPage() {
  const [scope, setScope] = useState<Scope>('needs_manual');
  const [notice, setNotice] = useState<string | null>(null);
  const { data, error, hasMore, loadMore, loadingMore, reload } = usePagedLoader((cursor?: string) => fetchRequestsForStaff(scope, cursor), [scope]);
  const changeScope = (next: Scope) => {
    setNotice(null);
    setScope(next);
  };
  return (
    <PageRoot>
      <ChipSelect label='范围' idPrefix='scope' options={SCOPES} selected={[scope]} onChange={(next) => changeScope(next[0] as Scope)} />
      {scope === 'held' ? <View className='muted'>这些求助的内容需要人工看一下：没有问题就点“通过”，系统立即派单；不合适就“驳回”并写明原因。</View> : null}
      <ErrorText message={error} />
      {notice ? (
        <View className='card' role='status' id='staff-requests-notice'>
          {notice}
        </View>
      ) : null}
      {data && data.items.length === 0 ? (
        <View className='muted' id='staff-requests-empty'>
          没有{SCOPES.find((item) => item.value === scope)?.label}的求助。
        </View>
      ) : null}
      {data?.items.map((request) => (
        <View key={request.id}>
          <RequestCard request={request} />
          {request.actions.review ? (
            <HeldReview
              requestId={request.id}
              onDone={(_updated, message) => {
                setNotice(message);
                void reload();
              }}
            />
          ) : null}
        </View>
      ))}
      <LoadMore hasMore={hasMore} loading={loadingMore} onLoadMore={loadMore} />
    </PageRoot>
  );
}
