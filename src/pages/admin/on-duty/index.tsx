import { View } from '@tarojs/components';
import { ErrorText } from '../../../components/error-text';
import { formatTime } from '../../../components/format-time';
import { useLoader } from '../../../hooks/use-loader';
import { fetchOnDuty } from '../../../services/service';
import { PageRoot } from '../../../components/page-root';

/** Who is on duty right now at each service point. */
export default function OnDutyPage() {
  const { data, error } = useLoader(() => fetchOnDuty(), []);
  return (
    <PageRoot>
      <ErrorText message={error} />
      {data && data.points.length === 0 ? <View className='muted'>还没有服务点。</View> : null}
      {data?.points.map((point) => (
        <View key={point.id} className='card on-duty-point'>
          <View className='subtitle'>{point.name}</View>
          {point.onDuty.length === 0 ? <View className='muted'>现在无人值守</View> : null}
          {point.onDuty.map((member) => (
            <View key={member.memberId}>
              {member.name} · {formatTime(member.since)} 起
            </View>
          ))}
        </View>
      ))}
    </PageRoot>
  );
}
