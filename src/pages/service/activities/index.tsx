import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ChipSelect } from '../../../components/chip-select';
import { ErrorText } from '../../../components/error-text';
import { formatTime } from '../../../components/format-time';
import { useLoader } from '../../../hooks/use-loader';
import { fetchActivities } from '../../../services/service';
import { PageRoot } from '../../../components/page-root';

/** Upcoming and past activities of the community; tap one to sign up or check in. */
export default function ActivitiesPage() {
  const [scope, setScope] = useState<'upcoming' | 'past'>('upcoming');
  const { data, error } = useLoader(() => fetchActivities(scope), [scope]);
  return (
    <PageRoot>
      <ChipSelect
        label='活动范围'
        idPrefix='scope'
        options={[
          { value: 'upcoming', label: '即将开始' },
          { value: 'past', label: '已结束' },
        ]}
        selected={[scope]}
        onChange={(selected) => setScope(selected[0] === 'past' ? 'past' : 'upcoming')}
      />
      <ErrorText message={error} />
      {data && data.items.length === 0 ? <View className='muted'>暂时没有活动。</View> : null}
      {data?.items.map((activity) => (
        <View key={activity.id} id={`activity-${activity.id}`} className='card activity-item' onClick={() => Taro.navigateTo({ url: `/pages/service/activity/index?id=${activity.id}` })}>
          <View className='subtitle'>{activity.title}</View>
          <View className='muted'>
            {formatTime(activity.startsAt)} — {formatTime(activity.endsAt)} · {activity.place}
          </View>
          <View>
            已报名 {activity.signedUp}/{activity.capacity} · {activity.points} 分{activity.mySignup?.status === 'signed_up' ? ' · 我已报名' : ''}
          </View>
        </View>
      ))}
    </PageRoot>
  );
}
