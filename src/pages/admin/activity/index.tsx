import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { BigButton } from '../../../components/big-button';
import { ErrorText } from '../../../components/error-text';
import { formatTime } from '../../../components/format-time';
import { QrImage } from '../../../components/qr-image';
import { useAction } from '../../../hooks/use-action';
import { useLoader } from '../../../hooks/use-loader';
import { completeActivity, fetchRoster, markActivityLeave } from '../../../services/service';
import type { TRoster } from '../../../shared/contracts/service';
import { ATTENDANCE_LABELS } from '../../../shared/domain/service-rules';
import { PageRoot } from '../../../components/page-root';

/** The roster of one activity: who signed up, arrived and left; excuse (请假) and close it to credit points. */
export default function AdminActivityPage() {
  const activityId = useRouter().params.id ?? '';
  const { data, error, setData } = useLoader(() => fetchRoster(activityId), [activityId]);
  const [showQr, setShowQr] = useState(false);
  const { busy, error: actionError, run } = useAction();
  const act = (work: () => Promise<TRoster>) => run(async () => setData(await work()));

  const activity = data?.activity;
  const open = activity?.status === 'open';
  return (
    <PageRoot>
      <ErrorText message={error ?? actionError} />
      {activity ? (
        <View className='card'>
          <View className='title'>{activity.title}</View>
          <View>
            {formatTime(activity.startsAt)} — {formatTime(activity.endsAt)} · {activity.place}
          </View>
          <View id='roster-status'>
            {open ? '进行中/未开始' : '已结束'} · 已报名 {activity.signedUp}/{activity.capacity} · 每人 {activity.points} 分
          </View>
        </View>
      ) : null}
      <BigButton secondary onClick={() => setShowQr(!showQr)}>
        {showQr ? '收起签到二维码' : '显示签到二维码'}
      </BigButton>
      {showQr && activity ? <QrImage kind='activity' id={activity.id} caption={`${activity.title} 签到`} /> : null}
      <View className='subtitle'>报名名单</View>
      {data && data.entries.length === 0 ? <View className='muted'>还没有人报名。</View> : null}
      {data?.entries.map((entry) => (
        <View key={entry.memberId} className='card roster-entry'>
          <View>
            {entry.name} · {entry.phone}
          </View>
          <View className='muted'>
            {entry.checkInAt ? `签到 ${formatTime(entry.checkInAt)}` : '未签到'}
            {entry.checkOutAt ? ` · 签退 ${formatTime(entry.checkOutAt)}` : ''}
          </View>
          <View className='roster-attendance'>
            {entry.attendance ? ATTENDANCE_LABELS[entry.attendance] : ''}
            {entry.points ? ` · ${entry.points} 分` : ''}
          </View>
          {open && entry.status === 'signed_up' && !entry.checkInAt ? (
            <BigButton secondary disabled={busy} onClick={() => act(() => markActivityLeave(activityId, entry.memberId))}>
              登记请假
            </BigButton>
          ) : null}
        </View>
      ))}
      {open ? (
        <BigButton id='activity-complete' disabled={busy} onClick={() => act(() => completeActivity(activityId))}>
          结束活动并发放积分
        </BigButton>
      ) : null}
    </PageRoot>
  );
}
