import { Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { fieldLabel } from '../../../components/a11y';
import { BigButton } from '../../../components/big-button';
import { ChipSelect } from '../../../components/chip-select';
import { ErrorText } from '../../../components/error-text';
import { ExportButton } from '../../../components/export-button';
import { formatTime } from '../../../components/format-time';
import { LoadMore } from '../../../components/load-more';
import { currentPeriodKey, PeriodPicker } from '../../../components/period-picker';
import { useAction } from '../../../hooks/use-action';
import { useLoader } from '../../../hooks/use-loader';
import { usePagedLoader } from '../../../hooks/use-paged-loader';
import { fetchGrids, fetchMe } from '../../../services/community';
import { fetchDemand, replySuggestion } from '../../../services/ledgers';
import type { TDemandFilter, TDemandLine } from '../../../shared/contracts/ledgers';
import { CATEGORY_LABELS, REQUEST_CATEGORIES, type RequestCategory } from '../../../shared/domain/categories';
import { REQUEST_STATE_LABELS, REQUEST_STATES, type RequestState } from '../../../shared/domain/request-state';
import { PageRoot } from '../../../components/page-root';

const ALL = 'all';
const CATEGORY_OPTIONS = [{ value: ALL, label: '全部类型' }, ...REQUEST_CATEGORIES.map((category) => ({ value: category, label: CATEGORY_LABELS[category] }))];
const STATE_OPTIONS = [{ value: ALL, label: '全部状态' }, ...REQUEST_STATES.map((state) => ({ value: state, label: REQUEST_STATE_LABELS[state] }))];

/** The admin answers a suggestion: 采纳 or 暂不采纳, with a reply the resident reads in the request and the inbox. */
function SuggestionReplyForm({ line, onReplied }: { line: TDemandLine; onReplied: (line: TDemandLine) => void }) {
  const [adopted, setAdopted] = useState<'yes' | 'no' | null>(null);
  const [reply, setReply] = useState('');
  const { busy, error, setError, run } = useAction();
  const id = line.requestId;
  const submit = () =>
    run(async () => {
      if (!adopted) return setError('请选择“采纳”或“暂不采纳”');
      onReplied(await replySuggestion(id, adopted === 'yes', reply));
    });
  return (
    <View className='suggestion-form'>
      <View className='subtitle'>答复这条建议</View>
      <ChipSelect
        label='是否采纳'
        idPrefix={`adopt-${id}`}
        options={[
          { value: 'yes', label: '采纳' },
          { value: 'no', label: '暂不采纳' },
        ]}
        selected={adopted ? [adopted] : []}
        onChange={(selected) => setAdopted(selected[0] === 'yes' ? 'yes' : 'no')}
      />
      <Textarea
        id={`reply-text-${id}`}
        className='field'
        {...fieldLabel('答复内容')}
        value={reply}
        maxlength={300}
        placeholder='写给居民的答复，至少 5 个字'
        onInput={(event) => setReply(event.detail.value)}
      />
      <ErrorText message={error} />
      <BigButton id={`reply-submit-${id}`} disabled={busy} onClick={() => void submit()}>
        提交答复
      </BigButton>
    </View>
  );
}

function DemandLine({ line, canReply, onReplied }: { line: TDemandLine; canReply: boolean; onReplied: (line: TDemandLine) => void }) {
  const reply = line.suggestionReply;
  return (
    <View className='card demand-line' id={`demand-${line.requestId}`}>
      <View className='row' style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <View className='subtitle'>{CATEGORY_LABELS[line.category]}</View>
        <View className='state'>{REQUEST_STATE_LABELS[line.state]}</View>
      </View>
      <View>{line.description}</View>
      <View className='muted'>
        {formatTime(line.createdAt)} · {line.gridName ?? '未分网格'} · 居民 {line.residentName}
      </View>
      <View className='muted'>
        办理人：{line.assigneeName ?? '暂无'}
        {line.acceptedAt ? ` · 接单 ${formatTime(line.acceptedAt)}` : ''}
        {line.completedAt ? ` · 办结 ${formatTime(line.completedAt)}` : ''}
      </View>
      {line.ratingStars !== null ? (
        <View aria-label={`评价 ${line.ratingStars} 星`}>
          评价：{'★'.repeat(line.ratingStars)}
          {'☆'.repeat(5 - line.ratingStars)}
        </View>
      ) : null}
      {reply ? (
        <View className='card suggestion-reply' id={`reply-${line.requestId}`} style={{ background: '#fff8f0' }}>
          <View className='subtitle'>{reply.adopted ? '已采纳' : '暂不采纳'}</View>
          <View>{reply.reply}</View>
          <View className='muted'>
            {reply.repliedByName} · {formatTime(reply.repliedAt)}
          </View>
        </View>
      ) : null}
      {line.category === 'suggestion' && !reply && canReply ? <SuggestionReplyForm line={line} onReplied={onReplied} /> : null}
      <View className='muted' role='link' style={{ padding: '12px 0' }} onClick={() => Taro.navigateTo({ url: `/pages/request/detail/index?id=${line.requestId}` })}>
        查看求助详情 ›
      </View>
    </View>
  );
}

/** 民意民盼台账: every request of the community with who handled it and when, filtered by type, state, grid and month; suggestions are answered here. */
export default function DemandLedgerPage() {
  const [category, setCategory] = useState<string>(ALL);
  const [state, setState] = useState<string>(ALL);
  const [gridId, setGridId] = useState<string>(ALL);
  const [period, setPeriod] = useState<string | null>(() => currentPeriodKey('month'));
  const [replied, setReplied] = useState<Record<string, TDemandLine>>({});
  const { data: setup, error: setupError } = useLoader(async () => ({ me: await fetchMe(), grids: (await fetchGrids()).items }), []);
  const filter = useMemo<TDemandFilter>(
    () => ({
      category: category === ALL ? undefined : (category as RequestCategory),
      state: state === ALL ? undefined : (state as RequestState),
      gridId: gridId === ALL ? undefined : gridId,
      period: period ?? undefined,
    }),
    [category, state, gridId, period],
  );
  const { data, error, hasMore, loadMore, loadingMore } = usePagedLoader((cursor?: string) => fetchDemand(filter, cursor), [filter]);
  const isAdmin = setup?.me.roles.includes('admin') ?? false;
  const gridOptions = [{ value: ALL, label: '全部网格' }, ...(setup?.grids ?? []).map((grid) => ({ value: grid.id, label: grid.name }))];

  return (
    <PageRoot>
      <ErrorText message={setupError ?? error} />
      <View className='subtitle'>月份</View>
      <PeriodPicker idPrefix='demand-period' value={period} onChange={setPeriod} kinds={['month']} allowAll />
      <View className='subtitle'>类型</View>
      <ChipSelect label='类型' idPrefix='demand-category' options={CATEGORY_OPTIONS} selected={[category]} onChange={(selected) => setCategory(selected[0])} />
      <View className='subtitle'>状态</View>
      <ChipSelect label='状态' idPrefix='demand-state' options={STATE_OPTIONS} selected={[state]} onChange={(selected) => setState(selected[0])} />
      <View className='subtitle'>网格</View>
      <ChipSelect label='网格' idPrefix='demand-grid' options={gridOptions} selected={[gridId]} onChange={(selected) => setGridId(selected[0])} />
      {isAdmin ? <ExportButton id='export-demand' kind='demand' period={period} label='导出民意民盼台账' /> : null}
      <View className='title'>台账</View>
      {data && data.items.length === 0 ? (
        <View className='muted' id='demand-empty'>
          没有符合条件的求助。
        </View>
      ) : null}
      {data?.items.map((line) => (
        <DemandLine
          key={line.requestId}
          line={replied[line.requestId] ?? line}
          canReply={isAdmin}
          onReplied={(updated) => setReplied((current) => ({ ...current, [updated.requestId]: updated }))}
        />
      ))}
      <LoadMore hasMore={hasMore} loading={loadingMore} onLoadMore={loadMore} />
    </PageRoot>
  );
}
