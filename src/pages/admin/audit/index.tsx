import { View } from '@tarojs/components';
import { useState } from 'react';
import { ErrorText } from '../../../components/error-text';
import { ExportButton } from '../../../components/export-button';
import { formatTime } from '../../../components/format-time';
import { LoadMore } from '../../../components/load-more';
import { PageRoot } from '../../../components/page-root';
import { currentPeriodKey, PeriodPicker } from '../../../components/period-picker';
import { usePagedLoader } from '../../../hooks/use-paged-loader';
import { fetchAuditLog } from '../../../services/reports';

/** 操作日志: who among the staff did what, to which record and when, newest first; kept as written, exportable by month. */
export default function AuditLogPage() {
  const log = usePagedLoader((cursor?: string) => fetchAuditLog(cursor), []);
  const [period, setPeriod] = useState<string>(currentPeriodKey('month'));
  return (
    <PageRoot>
      <View className='muted'>社区工作人员的每一次操作都记在这里，任何人都不能修改或删除。</View>
      <PeriodPicker idPrefix='audit-period' value={period} onChange={(next) => next && setPeriod(next)} kinds={['month']} />
      <ExportButton id='export-audit' kind='audit' period={period} label='导出这个月的操作日志' />
      <ErrorText message={log.error} />
      {log.data && log.data.items.length === 0 ? <View className='muted'>还没有操作记录。</View> : null}
      {log.data?.items.map((entry) => (
        <View key={entry.id} className='card audit-entry' id={`audit-${entry.id}`}>
          <View className='subtitle'>{entry.actionLabel}</View>
          <View>
            {entry.actorName}（{entry.actorRoles}）
          </View>
          <View className='muted'>
            {formatTime(entry.at)}
            {entry.targetId ? ` · 对象 ${entry.targetId}` : ''}
            {entry.detail ? ` · ${entry.detail}` : ''}
          </View>
        </View>
      ))}
      <LoadMore hasMore={log.hasMore} loading={log.loadingMore} onLoadMore={() => void log.loadMore()} />
    </PageRoot>
  );
}
