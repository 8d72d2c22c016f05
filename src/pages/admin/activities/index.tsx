import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import dayjs from 'dayjs';
import { useState } from 'react';
import { BigButton } from '../../../components/big-button';
import { ChipSelect } from '../../../components/chip-select';
import { ErrorText } from '../../../components/error-text';
import { formatTime } from '../../../components/format-time';
import { TextField } from '../../../components/text-field';
import { useAction } from '../../../hooks/use-action';
import { useLoader } from '../../../hooks/use-loader';
import { fetchMe, fetchSettings } from '../../../services/community';
import { getCurrentLocation } from '../../../services/location';
import { createActivity, fetchActivities } from '../../../services/service';
import type { LatLng } from '../../../shared/domain/geo';
import { PageRoot } from '../../../components/page-root';

/** Community time is China time: a date and clock times typed here are +08:00. */
const chinaInstant = (date: string, time: string) => `${date}T${time}:00+08:00`;

/** The admin creates activities (志愿服务活动) and opens each one's roster. */
export default function AdminActivitiesPage() {
  const { data, error, reload } = useLoader(async () => ({ upcoming: (await fetchActivities('upcoming')).items, settings: await fetchSettings(), me: await fetchMe() }), []);
  const [title, setTitle] = useState('');
  const [place, setPlace] = useState('');
  const [date, setDate] = useState(dayjs().add(1, 'day').format('YYYY-MM-DD'));
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('11:00');
  const [capacity, setCapacity] = useState('10');
  const [points, setPoints] = useState('5');
  const [radius, setRadius] = useState('150');
  const [skills, setSkills] = useState<string[]>([]);
  const [location, setLocation] = useState<LatLng | null>(null);
  const { busy, error: actionError, setError: setActionError, run } = useAction();

  const locate = async () => {
    try {
      setLocation(await getCurrentLocation());
    } catch {
      setActionError('没有取得当前位置，请在活动地点重试');
    }
  };

  const save = () => {
    const spot = location ?? data?.me.home ?? null;
    if (!spot) return setActionError('请在活动地点点击“使用当前位置”');
    return run(async () => {
      const activity = await createActivity({
        title,
        place,
        location: spot,
        radiusM: Number(radius),
        startsAt: chinaInstant(date, start),
        endsAt: chinaInstant(date, end),
        capacity: Number(capacity),
        points: Number(points),
        skills,
      });
      setTitle('');
      await reload();
      await Taro.navigateTo({ url: `/pages/admin/activity/index?id=${activity.id}` });
    });
  };

  return (
    <PageRoot>
      <ErrorText message={error ?? actionError} />
      <View className='subtitle'>即将开始</View>
      {data && data.upcoming.length === 0 ? <View className='muted'>暂时没有活动。</View> : null}
      {data?.upcoming.map((activity) => (
        <View key={activity.id} className='card admin-activity-item' onClick={() => Taro.navigateTo({ url: `/pages/admin/activity/index?id=${activity.id}` })}>
          <View className='subtitle'>{activity.title}</View>
          <View className='muted'>
            {formatTime(activity.startsAt)} · {activity.place}
          </View>
          <View>
            已报名 {activity.signedUp}/{activity.capacity}
          </View>
        </View>
      ))}
      <View className='title'>发布活动</View>
      <TextField id='activity-title' label='活动名称' value={title} onChange={setTitle} maxlength={40} />
      <TextField id='activity-place' label='活动地点' value={place} onChange={setPlace} maxlength={60} />
      <TextField id='activity-date' label='日期（如 2026-11-28）' value={date} onChange={setDate} maxlength={10} />
      <TextField id='activity-start' label='开始时间' value={start} onChange={setStart} maxlength={5} />
      <TextField id='activity-end' label='结束时间' value={end} onChange={setEnd} maxlength={5} />
      <TextField id='activity-capacity' label='人数上限' value={capacity} onChange={setCapacity} type='number' maxlength={4} />
      <TextField id='activity-points' label='参加积分' value={points} onChange={setPoints} type='number' maxlength={4} />
      <TextField id='activity-radius' label='签到范围（米）' value={radius} onChange={setRadius} type='number' maxlength={4} />
      {data ? (
        <View>
          <View className='subtitle'>需要的技能（可选）</View>
          <ChipSelect label='技能' multiple options={data.settings.skills.map((skill) => ({ value: skill, label: skill }))} selected={skills} onChange={setSkills} />
        </View>
      ) : null}
      <View className='muted'>{location ? '位置：已使用当前位置' : '位置：默认使用您登记的位置，请在活动地点点击下方按钮'}</View>
      <BigButton secondary onClick={locate}>
        使用当前位置
      </BigButton>
      <BigButton id='activity-save' disabled={busy} onClick={save}>
        发布活动
      </BigButton>
    </PageRoot>
  );
}
