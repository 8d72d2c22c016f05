import { View } from '@tarojs/components';
import { useState } from 'react';
import { ChipSelect, type ChipOption } from '../../../components/chip-select';
import { ErrorText } from '../../../components/error-text';
import { ExportButton, type ExportTarget } from '../../../components/export-button';
import { formatMinutes } from '../../../components/format-duration';
import { currentPeriodKey, PeriodPicker } from '../../../components/period-picker';
import { StatChart } from '../../../components/stat-chart';
import { useLoader } from '../../../hooks/use-loader';
import { fetchCommunities, fetchGrids, fetchMe } from '../../../services/community';
import { fetchStatistics } from '../../../services/reports';
import type { InputOf } from '../../../shared/contracts';
import type { TFigures, TStatistics } from '../../../shared/contracts/reports';
import { CATEGORY_LABELS } from '../../../shared/domain/categories';
import { REQUEST_STATE_LABELS } from '../../../shared/domain/request-state';
import { changePercent } from '../../../shared/domain/statistics';
import { PageRoot } from '../../../components/page-root';

/** Scope chips: `community` (one's own), `grid:<id>`, `community:<id>` (a district viewer's pick) or `district`. */
type ScopeValue = string;

/** The export covers exactly what the page shows. */
function exportTarget(scope: ScopeValue): ExportTarget {
  const { scope: kind, gridId, communityId } = statisticsInput(scope, '');
  return { scope: kind, gridId, communityId };
}

function statisticsInput(scope: ScopeValue, period: string): InputOf<'reports', 'getStatistics'> {
  if (scope === 'district') return { scope: 'district', period };
  if (scope.startsWith('grid:')) return { scope: 'grid', gridId: scope.slice('grid:'.length), period };
  if (scope.startsWith('community:')) return { scope: 'community', communityId: scope.slice('community:'.length), period };
  return { scope: 'community', period };
}

/** "比2026年10月（4 件）增加 50%": the change against the period before, in words. */
function changeText(current: number, previous: number, previousLabel: string, unit: string): string {
  const change = changePercent(current, previous);
  const before = `${previousLabel}（${previous}${unit}）`;
  if (change === null) return current === 0 ? `${previousLabel}也是 0` : `${previousLabel}为 0，无法计算环比`;
  if (change === 0) return `与${before}持平`;
  return change > 0 ? `比${before}增加 ${change}%` : `比${before}减少 ${-change}%`;
}

const minutesText = (minutes: number | null) => (minutes === null ? '暂无' : formatMinutes(minutes));

function durationText(durations: TFigures['responseTime']): string {
  if (durations.count === 0) return '暂无数据';
  return `中位数 ${minutesText(durations.medianMinutes)}，九成在 ${minutesText(durations.p90Minutes)} 以内（共 ${durations.count} 件）`;
}

function Figures({ stats }: { stats: TStatistics }) {
  const { current, previous } = stats;
  const before = stats.previousPeriod.label;
  const { satisfaction } = current;
  return (
    <View className='card' id='stats-figures'>
      <View className='subtitle' id='stats-title'>
        {stats.scope.name} · {stats.period.label}
      </View>
      <View id='figure-submitted' className='subtitle'>
        求助 {current.submitted} 件
      </View>
      <View className='muted'>{changeText(current.submitted, previous.submitted, before, ' 件')}</View>
      <View id='figure-completed' className='subtitle'>
        办结 {current.completed} 件
      </View>
      <View className='muted'>{changeText(current.completed, previous.completed, before, ' 件')}</View>
      <View id='figure-response'>接单用时：{durationText(current.responseTime)}</View>
      <View id='figure-completion'>办理用时：{durationText(current.completionTime)}</View>
      <View id='figure-satisfaction'>
        满意度：
        {satisfaction.rated === 0
          ? '暂无评价'
          : `平均 ${satisfaction.averageStars ?? 0} 星，满意率 ${satisfaction.satisfiedPercent ?? 0}%（${satisfaction.rated} 条评价）`}
      </View>
      <View id='figure-members'>活跃党员/志愿者：{current.activeMembers} 人</View>
      <View className='muted'>{changeText(current.activeMembers, previous.activeMembers, before, ' 人')}</View>
      <View id='figure-points'>
        积分：发放 {current.pointsIssued} 分，兑换 {current.pointsRedeemed} 分
      </View>
      <View className='muted'>发放积分：{changeText(current.pointsIssued, previous.pointsIssued, before, ' 分')}</View>
    </View>
  );
}

function Charts({ stats }: { stats: TStatistics }) {
  const states = stats.byState.filter((row) => row.count > 0);
  return (
    <View>
      <StatChart
        id='chart-category'
        title='按类型'
        type='column'
        unit='件'
        labels={stats.byCategory.map((row) => CATEGORY_LABELS[row.category])}
        series={[{ name: '求助', values: stats.byCategory.map((row) => row.count) }]}
      />
      <StatChart
        id='chart-state'
        title='按办理状态'
        type='ring'
        unit='件'
        labels={states.map((row) => REQUEST_STATE_LABELS[row.state])}
        series={[{ name: '求助', values: states.map((row) => row.count) }]}
      />
      <StatChart
        id='chart-area'
        title={stats.scope.kind === 'district' ? '按社区' : '按网格'}
        type='column'
        unit='件'
        labels={stats.byArea.map((row) => row.name)}
        series={[{ name: '求助', values: stats.byArea.map((row) => row.count) }]}
      />
      <StatChart
        id='chart-trend'
        title='近六个月趋势'
        type='line'
        unit='件'
        labels={stats.trend.map((row) => `${Number(row.month.slice(5))}月`)}
        series={[
          { name: '提交', values: stats.trend.map((row) => row.submitted) },
          { name: '办结', values: stats.trend.map((row) => row.completed) },
        ]}
      />
    </View>
  );
}

/** 统计分析: a community's (a grid's, the district's) requests, response times, satisfaction and points for a month or a quarter. */
export default function AdminStatsPage() {
  const [period, setPeriod] = useState<string>(() => currentPeriodKey('month'));
  const [scope, setScope] = useState<ScopeValue>('community');
  const { data: setup, error: setupError } = useLoader(async () => {
    const me = await fetchMe();
    const staff = me.roles.some((role) => role === 'admin' || role === 'grid_worker');
    const district = me.roles.includes('district_viewer');
    const grids = staff ? (await fetchGrids()).items : [];
    const communities = district ? (await fetchCommunities()).items.filter((community) => community.id !== me.communityId) : [];
    return { me, grids, communities, district };
  }, []);
  const { data: stats, error, loading } = useLoader(() => fetchStatistics(statisticsInput(scope, period)), [scope, period]);

  const scopes: ChipOption[] = [
    { value: 'community', label: setup?.district ? setup.me.communityName : '本社区' },
    ...(setup?.grids ?? []).map((grid) => ({ value: `grid:${grid.id}`, label: grid.name })),
    ...(setup?.communities ?? []).map((community) => ({ value: `community:${community.id}`, label: community.name })),
    ...(setup?.district ? [{ value: 'district', label: '全辖区' }] : []),
  ];
  const canExport = setup?.me.roles.some((role) => role === 'admin' || role === 'district_viewer') ?? false;

  return (
    <PageRoot>
      <ErrorText message={setupError ?? error} />
      <View className='subtitle'>统计周期</View>
      <PeriodPicker idPrefix='stats-period' value={period} onChange={(next) => next && setPeriod(next)} />
      <View className='subtitle'>统计范围</View>
      <ChipSelect label='统计范围' idPrefix='stats-scope' options={scopes} selected={[scope]} onChange={(selected) => setScope(selected[0])} />
      {loading && !stats ? <View className='muted'>正在统计…</View> : null}
      {stats ? <Figures stats={stats} /> : null}
      {stats ? <Charts stats={stats} /> : null}
      {canExport ? (
        <View>
          <ExportButton id='export-statistics' kind='statistics' period={period} target={exportTarget(scope)} label='导出当前统计' />
        </View>
      ) : null}
    </PageRoot>
  );
}
