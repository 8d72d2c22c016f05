import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { ErrorText } from '../../../components/error-text';
import { formatTime } from '../../../components/format-time';
import { useAction } from '../../../hooks/use-action';
import { useLoader } from '../../../hooks/use-loader';
import { getCurrentLocation } from '../../../services/location';
import { cancelActivitySignUp, checkInActivity, checkOutActivity, fetchActivity, signUpActivity } from '../../../services/service';
import { ATTENDANCE_LABELS } from '../../../shared/domain/service-rules';
import type { TActivityView } from '../../../shared/contracts/service';
import { PageRoot } from '../../../components/page-root';

/** One activity: sign up or cancel; at the place (opened from its QR code `a=<id>`), check in and out. */
export default function ActivityPage() {
  const activityId = useRouter().params.id ?? '';
  const { data, error, setData } = useLoader(() => fetchActivity(activityId), [activityId]);
  const { busy, error: actionError, run } = useAction();
  const act = (work: () => Promise<TActivityView>) => run(async () => setData(await work()));
  const atPlace = (work: (location: { lat: number; lng: number }) => Promise<TActivityView>) =>
    act(async () => {
      let location;
      try {
        location = await getCurrentLocation();
      } catch {
        throw new Error('没有取得您的位置，请打开定位权限后重试');
      }
      return work(location);
    });

  const mine = data?.mySignup ?? null;
  const signedUp = mine?.status === 'signed_up';
  return (
    <PageRoot>
      <ErrorText message={error ?? actionError} />
      {data ? (
        <View className='card'>
          <View className='title'>{data.title}</View>
          <View>
            {formatTime(data.startsAt)} — {formatTime(data.endsAt)}
          </View>
          <View>地点：{data.place}</View>
          <View>
            名额 {data.signedUp}/{data.capacity} · 参加可得 {data.points} 分
          </View>
          {data.skills.length > 0 ? <View className='muted'>需要：{data.skills.join('、')}</View> : null}
          <View id='activity-status' className='subtitle'>
            {data.status === 'completed'
              ? `已结束${mine?.attendance ? `：${ATTENDANCE_LABELS[mine.attendance]}${mine.points ? `，获得 ${mine.points} 分` : ''}` : ''}`
              : mine?.status === 'on_leave'
                ? '已请假'
                : signedUp
                  ? mine?.checkOutAt
                    ? `已签退 ${formatTime(mine.checkOutAt)}`
                    : mine?.checkInAt
                      ? `已签到 ${formatTime(mine.checkInAt)}`
                      : '已报名'
                  : '未报名'}
          </View>
        </View>
      ) : null}
      {data && data.status === 'open' ? (
        signedUp ? (
          <View>
            {!mine?.checkInAt ? (
              <BigButton id='activity-check-in' disabled={busy} onClick={() => atPlace((location) => checkInActivity(activityId, location))}>
                现场签到
              </BigButton>
            ) : !mine.checkOutAt ? (
              <BigButton id='activity-check-out' disabled={busy} onClick={() => atPlace((location) => checkOutActivity(activityId, location))}>
                现场签退
              </BigButton>
            ) : null}
            {!mine?.checkInAt ? (
              <BigButton id='activity-cancel' secondary disabled={busy} onClick={() => act(() => cancelActivitySignUp(activityId))}>
                取消报名
              </BigButton>
            ) : null}
          </View>
        ) : (
          <BigButton id='activity-sign-up' disabled={busy} onClick={() => act(() => signUpActivity(activityId))}>
            报名参加
          </BigButton>
        )
      ) : null}
      <View className='muted'>活动开始前 30 分钟起可以签到，签到和签退都要在活动地点。</View>
    </PageRoot>
  );
}
