import { View } from '@tarojs/components';
import { ErrorText } from '../../../components/error-text';
import { formatMinutes } from '../../../components/format-duration';
import { formatTime } from '../../../components/format-time';
import { useLoader } from '../../../hooks/use-loader';
import { fetchMyEvaluations } from '../../../services/reports';
import { fetchMyServiceRecord } from '../../../services/service';
import { EVALUATION_GRADE_LABELS } from '../../../shared/domain/evaluation';
import { ATTENDANCE_LABELS } from '../../../shared/domain/service-rules';
import { PageRoot } from '../../../components/page-root';

/** The member's duty hours, activities and the community's periodic evaluations of them. */
export default function ServiceRecordPage() {
  const { data, error } = useLoader(() => fetchMyServiceRecord(), []);
  const { data: evaluations, error: evaluationsError } = useLoader(() => fetchMyEvaluations(), []);
  return (
    <PageRoot>
      <ErrorText message={error} />
      {data ? (
        <View className='card'>
          <View className='subtitle'>值守时长</View>
          <View id='record-month'>本月 {formatMinutes(data.dutyMinutesThisMonth)}</View>
          <View className='muted'>累计 {formatMinutes(data.dutyMinutesTotal)}</View>
        </View>
      ) : null}
      <View className='subtitle'>值守记录</View>
      {data && data.duties.length === 0 ? <View className='muted'>还没有值守记录。</View> : null}
      {data?.duties.map((duty) => (
        <View key={duty.id} className='card duty-item'>
          <View>{duty.servicePointName}</View>
          <View className='muted'>
            {formatTime(duty.checkInAt)}
            {duty.checkOutAt ? ` — ${formatTime(duty.checkOutAt)}` : ' 值守中'}
            {duty.closedBy === 'auto' ? '（自动签退）' : ''}
          </View>
          {duty.minutes !== null ? (
            <View>
              {formatMinutes(duty.minutes)} · {duty.points ?? 0} 分
            </View>
          ) : null}
        </View>
      ))}
      <View className='subtitle'>志愿活动</View>
      {data && data.activities.length === 0 ? <View className='muted'>还没有参加过活动。</View> : null}
      {data?.activities.map((activity) => (
        <View key={activity.id} className='card activity-record'>
          <View>{activity.title}</View>
          <View className='muted'>{formatTime(activity.startsAt)}</View>
          <View>
            {activity.mySignup?.attendance ? ATTENDANCE_LABELS[activity.mySignup.attendance] : activity.mySignup?.status === 'cancelled' ? '已取消' : '已报名'}
            {activity.mySignup?.points ? ` · ${activity.mySignup.points} 分` : ''}
          </View>
        </View>
      ))}
      <View className='subtitle'>我的评价</View>
      <ErrorText message={evaluationsError} />
      {evaluations && evaluations.items.length === 0 ? <View className='muted'>还没有收到社区的定期评价。</View> : null}
      {evaluations?.items.map((evaluation) => (
        <View key={evaluation.period.key} className='card my-evaluation'>
          <View className='row' style={{ justifyContent: 'space-between', alignItems: 'center' }}>
            <View>{evaluation.period.label}</View>
            <View className='state'>{EVALUATION_GRADE_LABELS[evaluation.grade]}</View>
          </View>
          {evaluation.note ? <View>{evaluation.note}</View> : null}
          <View className='muted'>{formatTime(evaluation.evaluatedAt)} 评价</View>
        </View>
      ))}
    </PageRoot>
  );
}
