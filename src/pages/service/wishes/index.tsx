import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { imageLabel } from '../../../components/a11y';
import { BigButton } from '../../../components/big-button';
import { ChipSelect } from '../../../components/chip-select';
import { ErrorText } from '../../../components/error-text';
import { formatTime } from '../../../components/format-time';
import { useAction } from '../../../hooks/use-action';
import { useLoader } from '../../../hooks/use-loader';
import { claimWish, fetchWishes } from '../../../services/requests';
import { askForSubscriptions } from '../../../services/subscribe';
import { fetchSettings } from '../../../services/community';
import { PageRoot } from '../../../components/page-root';

const DISTANCES = [
  { value: '1000', label: '1 公里内' },
  { value: '3000', label: '3 公里内' },
  { value: '10000', label: '10 公里内' },
];
const ANY_SKILL = 'any';

/** 微心愿墙: open wishes near the member, by skill and distance; the first to claim one takes it. */
export default function WishBoardPage() {
  const [distance, setDistance] = useState('3000');
  const [skill, setSkill] = useState(ANY_SKILL);
  const { data: settings } = useLoader(fetchSettings, []);
  const { data, error, reload } = useLoader(() => fetchWishes(skill === ANY_SKILL ? undefined : skill, Number(distance)), [skill, distance]);
  const { busy, error: claimError, run } = useAction();

  const claim = (requestId: string) => {
    // Claiming a wish is taking a task: WeChat asks only during a tap, before anything is awaited.
    const asked = askForSubscriptions(['task', 'notice']);
    return run(async () => {
      try {
        await claimWish(requestId);
      } finally {
        await reload();
      }
      await asked;
      await Taro.navigateTo({ url: `/pages/request/detail/index?id=${requestId}` });
    });
  };

  return (
    <PageRoot>
      <View className='subtitle'>距离</View>
      <ChipSelect label='距离' idPrefix='wish-distance' options={DISTANCES} selected={[distance]} onChange={([value]) => setDistance(value)} />
      <View className='subtitle'>需要的技能</View>
      <ChipSelect
        label='需要的技能'
        idPrefix='wish-skill'
        options={[{ value: ANY_SKILL, label: '不限' }, ...(settings?.skills ?? []).map((item) => ({ value: item, label: item }))]}
        selected={[skill]}
        onChange={([value]) => setSkill(value)}
      />
      <ErrorText message={error ?? claimError} />
      {data && data.items.length === 0 ? (
        <View className='muted' id='wishes-empty'>
          附近暂时没有待认领的心愿。
        </View>
      ) : null}
      {data?.items.map((wish) => (
        <View key={wish.id} className='card' id={`wish-${wish.id}`}>
          <View className='subtitle'>{wish.description}</View>
          <View className='muted'>
            {wish.residentName} · {wish.address} · 约 {wish.distanceM >= 1000 ? `${(wish.distanceM / 1000).toFixed(1)} 公里` : `${wish.distanceM} 米`}
          </View>
          {wish.neededSkill ? <View className='muted'>需要：{wish.neededSkill}</View> : null}
          <View className='muted'>发布于 {formatTime(wish.createdAt)}</View>
          {wish.photoUrls.map((url, index) => (
            <Image key={url} className='photo' src={url} mode='aspectFill' {...imageLabel(`心愿照片 ${index + 1}`)} />
          ))}
          <BigButton id={`claim-${wish.id}`} disabled={busy} onClick={() => void claim(wish.id)}>
            我来认领
          </BigButton>
        </View>
      ))}
    </PageRoot>
  );
}
