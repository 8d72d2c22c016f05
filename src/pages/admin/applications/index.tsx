import { View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '../../../components/big-button';
import { ChipSelect } from '../../../components/chip-select';
import { ErrorText } from '../../../components/error-text';
import { TextField } from '../../../components/text-field';
import { formatTime } from '../../../components/format-time';
import { LoadMore } from '../../../components/load-more';
import { useAction } from '../../../hooks/use-action';
import { usePagedLoader } from '../../../hooks/use-paged-loader';
import { fetchApplications, reviewApplication } from '../../../services/community';
import { AVAILABLE_PERIOD_LABELS, MEMBER_KIND_LABELS } from '../../../shared/domain/community-settings';
import { PageRoot } from '../../../components/page-root';

type Status = 'pending' | 'approved' | 'rejected';
const STATUS_OPTIONS = [
  { value: 'pending', label: '待审核' },
  { value: 'approved', label: '已通过' },
  { value: 'rejected', label: '未通过' },
];

export default function ApplicationsPage() {
  const [status, setStatus] = useState<Status>('pending');
  const { data, error, reload, hasMore, loadMore, loadingMore } = usePagedLoader((cursor?: string) => fetchApplications(status, cursor), [status]);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const { error: actionError, run } = useAction();

  const review = (userId: string, decision: 'approve' | 'reject') =>
    run(async () => {
      await reviewApplication(userId, decision, reasons[userId] ?? '');
      await reload();
    });

  return (
    <PageRoot>
      <ChipSelect label='审核状态' options={STATUS_OPTIONS} selected={[status]} onChange={(next) => setStatus(next[0] as Status)} />
      <ErrorText message={error ?? actionError} />
      {data && data.items.length === 0 ? <View className='muted'>没有{STATUS_OPTIONS.find((option) => option.value === status)?.label}的申请。</View> : null}
      {data?.items.map((item) => (
        <View key={item.userId} className='card application-item'>
          <View className='subtitle'>
            {item.name}（{MEMBER_KIND_LABELS[item.kind]}）
          </View>
          <View>电话：{item.phone}</View>
          <View>工作单位：{item.workUnit || '未填写'}</View>
          <View>网格：{item.gridName}</View>
          <View>特长：{item.skills.join('、')}</View>
          <View>可服务：{item.availableHours.map((period) => AVAILABLE_PERIOD_LABELS[period]).join('、')}</View>
          <View className='muted'>申请时间：{formatTime(item.appliedAt)}</View>
          {item.reviewNote ? <View className='muted'>审核意见：{item.reviewNote}</View> : null}
          {item.status === 'pending' ? (
            <View>
              <TextField
                id={`reason-${item.userId}`}
                label='不通过的原因（通过可不填）'
                value={reasons[item.userId] ?? ''}
                onChange={(value) => setReasons((current) => ({ ...current, [item.userId]: value }))}
                maxlength={200}
              />
              <BigButton id={`approve-${item.userId}`} onClick={() => review(item.userId, 'approve')}>
                通过
              </BigButton>
              <BigButton id={`reject-${item.userId}`} secondary onClick={() => review(item.userId, 'reject')}>
                不通过
              </BigButton>
            </View>
          ) : null}
        </View>
      ))}
      <LoadMore hasMore={hasMore} loading={loadingMore} onLoadMore={loadMore} />
    </PageRoot>
  );
}
