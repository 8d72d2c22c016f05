import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { BigButton } from '../../../components/big-button';
import { ChipSelect } from '../../../components/chip-select';
import { ErrorText } from '../../../components/error-text';
import { formatTime } from '../../../components/format-time';
import { useAction } from '../../../hooks/use-action';
import { useLoader } from '../../../hooks/use-loader';
import { fetchAdjustments, fetchPointsSummary, verifyLedger } from '../../../services/points';
import type { TLedgerReport } from '../../../shared/contracts/points';
import { PageRoot } from '../../../components/page-root';

/** The community's points at a glance: issued, redeemed, outstanding, who earned most, the audit trail, and the ledger check. */
export default function AdminPointsPage() {
  const [period, setPeriod] = useState<'month' | 'all'>('month');
  const { data, error } = useLoader(async () => ({ summary: await fetchPointsSummary(period), adjustments: (await fetchAdjustments()).items }), [period]);
  const [report, setReport] = useState<TLedgerReport | null>(null);
  const { error: actionError, run } = useAction();

  const check = () => run(async () => setReport(await verifyLedger()));

  const summary = data?.summary;
  return (
    <PageRoot>
      <ErrorText message={error ?? actionError} />
      <ChipSelect
        label='统计范围'
        idPrefix='period'
        options={[
          { value: 'month', label: '本月' },
          { value: 'all', label: '全部' },
        ]}
        selected={[period]}
        onChange={(selected) => setPeriod(selected[0] === 'all' ? 'all' : 'month')}
      />
      {summary ? (
        <View className='card' id='points-summary'>
          <View>发放 {summary.issued} 分</View>
          <View id='summary-redeemed'>兑换 {summary.redeemed} 分</View>
          <View>退还 {summary.refunded} 分</View>
          <View className='subtitle'>党员手中现有 {summary.outstanding} 分（其中冻结 {summary.held} 分）</View>
        </View>
      ) : null}
      <BigButton id='verify-ledger' secondary onClick={() => void check()}>
        核对账目
      </BigButton>
      {report ? (
        <View className='card' id='ledger-report'>
          <View className='subtitle'>{report.problems.length === 0 ? '账目平衡，没有发现问题' : `发现 ${report.problems.length} 个问题`}</View>
          <View className='muted'>
            {report.accounts} 个账户 · {report.postings} 笔流水 · {formatTime(report.checkedAt)}
          </View>
          {report.problems.map((problem, index) => (
            <View key={index}>
              {problem.accountId ?? '社区合计'}：{problem.message}
            </View>
          ))}
        </View>
      ) : null}
      <BigButton id='go-points-adjust' onClick={() => Taro.navigateTo({ url: '/pages/admin/points-adjust/index' })}>
        查看党员积分 / 调整
      </BigButton>
      <BigButton id='go-points-rules' secondary onClick={() => Taro.navigateTo({ url: '/pages/admin/points-rules/index' })}>
        积分规则
      </BigButton>
      <View className='subtitle'>积分排行（{period === 'month' ? '本月' : '全部'}获得）</View>
      {summary && summary.leaderboard.length === 0 ? <View className='muted'>还没有人获得积分。</View> : null}
      {summary?.leaderboard.map((leader, index) => (
        <View key={leader.memberId} className='card row leader' style={{ justifyContent: 'space-between' }}>
          <View>
            {index + 1}. {leader.name}
          </View>
          <View className='subtitle'>{leader.earned} 分</View>
        </View>
      ))}
      <View className='subtitle'>调整记录</View>
      {data && data.adjustments.length === 0 ? <View className='muted'>没有调整记录。</View> : null}
      {data?.adjustments.map((item) => (
        <View key={item.id} className='card adjustment-item'>
          <View>
            {item.memberName} {item.amount > 0 ? `+${item.amount}` : item.amount} 分
          </View>
          <View className='muted'>
            {item.reason} · {item.actorName} · {formatTime(item.at)}
          </View>
        </View>
      ))}
    </PageRoot>
  );
}
