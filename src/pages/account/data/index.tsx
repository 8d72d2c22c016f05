import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { BigButton } from '../../../components/big-button';
import { ErrorText } from '../../../components/error-text';
import { formatFullTime } from '../../../components/format-time';
import { PageRoot } from '../../../components/page-root';
import { useAction } from '../../../hooks/use-action';
import { useLoader } from '../../../hooks/use-loader';
import { openExportedFile } from '../../../services/download';
import { exportMyData, fetchMyData, withdrawConsent } from '../../../services/privacy';
import type { TMyData } from '../../../shared/contracts/privacy';
import { WITHDRAWABLE_CONSENTS } from '../../../shared/domain/privacy';

const isWithdrawable = (kind: string): kind is Withdrawable => (WITHDRAWABLE_CONSENTS as readonly string[]).includes(kind);

function InfoRow({ label, value }: { label: string; value: string }) {
  return (
    <View className='info-row'>
      <View className='info-label'>{label}</View>
      <View className='info-value'>{value || '未填写'}</View>
    </View>
  );
}

function Lines({ lines, empty }: { lines: { at: string; text: string }[]; empty: string }) {
  if (lines.length === 0) return <View className='muted'>{empty}</View>;
  return (
    <View>
      {lines.map((line, index) => (
        <View key={`${line.at}-${index}`} className='info-line'>
          <View className='muted'>{formatFullTime(line.at)}</View>
          <View>{line.text}</View>
        </View>
      ))}
    </View>
  );
}

/** “共 N 条，这里显示最近 M 条” when the export has more than the page. */
const moreNote = (total: number, limit: number) => (total === 0 ? '' : total > limit ? `共 ${total} 条，这里显示最近 ${limit} 条，导出的表格里有全部。` : `共 ${total} 条。`);

function Sections({ data }: { data: TMyData }) {
  const { profile } = data;
  return (
    <View>
      <View className='card' id='my-profile'>
        <View className='subtitle'>基本信息</View>
        <InfoRow label='称呼' value={profile.name} />
        <InfoRow label='手机号' value={profile.phone} />
        <InfoRow label='地址' value={profile.address} />
        <InfoRow label='社区' value={`${profile.communityName}${profile.gridName ? ` · ${profile.gridName}` : ''}`} />
        <InfoRow label='身份' value={profile.roles.join('、')} />
        <InfoRow label='加入时间' value={formatFullTime(profile.joinedAt)} />
      </View>
      {data.household ? (
        <View className='card' id='my-household'>
          <View className='subtitle'>住户</View>
          <InfoRow label='门牌' value={data.household.address} />
          <InfoRow label='联系党员' value={data.household.linkedMembers.join('、') || '暂未安排'} />
        </View>
      ) : null}
      {data.registration ? (
        <View className='card' id='my-registration'>
          <View className='subtitle'>报到信息</View>
          <InfoRow label='身份' value={`${data.registration.kind}（${data.registration.status}）`} />
          <InfoRow label='工作单位' value={data.registration.workUnit} />
          <InfoRow label='特长' value={data.registration.skills.join('、')} />
          <InfoRow label='服务时段' value={data.registration.availableHours.join('、')} />
          <InfoRow label='认领岗位' value={data.registration.posts.join('、') || '无'} />
        </View>
      ) : null}
      <View className='card' id='my-requests'>
        <View className='subtitle'>我的求助</View>
        <View className='muted'>{moreNote(data.requests.total, data.recentLimit)}</View>
        <Lines lines={data.requests.recent.map((request) => ({ at: request.at, text: `${request.category} · ${request.state}：${request.description}` }))} empty='还没有提交过求助。' />
      </View>
      {data.tasks.total > 0 ? (
        <View className='card' id='my-tasks'>
          <View className='subtitle'>我接办的任务</View>
          <View className='muted'>{moreNote(data.tasks.total, data.recentLimit)}</View>
          <Lines lines={data.tasks.recent} empty='' />
        </View>
      ) : null}
      {data.points ? (
        <View className='card' id='my-points'>
          <View className='subtitle'>积分</View>
          <InfoRow label='余额' value={`${data.points.balance} 分${data.points.held > 0 ? `（其中 ${data.points.held} 分待取货）` : ''}`} />
          <View className='muted'>{moreNote(data.points.postings, data.recentLimit)}</View>
          <Lines lines={data.points.recent.map((line) => ({ at: line.at, text: `${line.amount > 0 ? '+' : ''}${line.amount} 分 ${line.text}` }))} empty='还没有积分记录。' />
        </View>
      ) : null}
      {data.service ? (
        <View className='card' id='my-service'>
          <View className='subtitle'>值守与活动</View>
          <InfoRow label='值守' value={`${data.service.duties} 次，共 ${data.service.dutyMinutes} 分钟`} />
          <InfoRow label='活动' value={`报名 ${data.service.activities} 次`} />
          <Lines lines={data.service.recent} empty='还没有值守和活动记录。' />
        </View>
      ) : null}
      {data.orders.total > 0 ? (
        <View className='card' id='my-orders'>
          <View className='subtitle'>积分兑换</View>
          <View className='muted'>{moreNote(data.orders.total, data.recentLimit)}</View>
          <Lines lines={data.orders.recent} empty='' />
        </View>
      ) : null}
    </View>
  );
}

type Withdrawable = (typeof WITHDRAWABLE_CONSENTS)[number];

/** 撤回: for location and photos; the phone number stays until 注销. */
function WithdrawButton({ kind, label, busy, onWithdraw }: { kind: string; label: string; busy: boolean; onWithdraw: (kind: Withdrawable) => void }) {
  if (!isWithdrawable(kind)) return null;
  return (
    <BigButton id={`withdraw-${kind}`} secondary disabled={busy} onClick={() => onWithdraw(kind)}>
      撤回{label}授权
    </BigButton>
  );
}

function Consents({ data, onWithdrawn }: { data: TMyData; onWithdrawn: () => void }) {
  const { busy, error, run } = useAction();
  const withdraw = (kind: Withdrawable) =>
    run(async () => {
      await withdrawConsent(kind);
      onWithdrawn();
    });
  return (
    <View className='card' id='my-consents'>
      <View className='subtitle'>我给出的授权</View>
      {data.consents.length === 0 ? <View className='muted'>还没有授权记录。使用位置、照片时会先询问您。</View> : null}
      {data.consents.map((consent) => (
        <View key={consent.kind} className='consent-line'>
          <View className='consent-label'>{consent.label}</View>
          <View>用途：{consent.purpose}</View>
          <View className='muted'>
            {formatFullTime(consent.grantedAt)} 同意{consent.withdrawnAt ? `，${formatFullTime(consent.withdrawnAt)} 已撤回` : ''}
          </View>
          {consent.withdrawnAt ? null : <WithdrawButton kind={consent.kind} label={consent.label} busy={busy} onWithdraw={withdraw} />}
        </View>
      ))}
      <ErrorText message={error} />
    </View>
  );
}

/** 我的信息: everything the product holds about me, an export of it, my consents, and the way out (注销). */
export default function MyDataPage() {
  const { data, error, reload } = useLoader(fetchMyData, []);
  const exporting = useAction();
  const [exported, setExported] = useState<string | null>(null);
  const startExport = () =>
    exporting.run(async () => {
      setExported(null);
      const result = await exportMyData();
      await openExportedFile(result.url, result.fileName);
      setExported(`已导出 ${result.fileName}，共 ${result.rows} 条记录。`);
    });
  return (
    <PageRoot>
      <View className='muted'>这里是党员代办保存的关于您的全部信息。</View>
      <ErrorText message={error} />
      {data ? <Sections data={data} /> : null}
      {data ? <Consents data={data} onWithdrawn={() => void reload()} /> : null}
      <BigButton id='export-my-data' disabled={exporting.busy} onClick={() => void startExport()}>
        {exporting.busy ? '正在导出…' : '导出我的信息（Excel）'}
      </BigButton>
      <ErrorText message={exporting.error} />
      {exported ? (
        <View id='export-done' className='muted'>
          {exported}
        </View>
      ) : null}
      <BigButton id='open-privacy' secondary onClick={() => Taro.navigateTo({ url: '/pages/account/privacy/index' })}>
        隐私保护指引
      </BigButton>
      <BigButton id='open-leave' secondary onClick={() => Taro.navigateTo({ url: '/pages/account/leave/index' })}>
        注销账户
      </BigButton>
    </PageRoot>
  );
}
