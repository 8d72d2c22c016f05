import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { ErrorText } from '../../../components/error-text';
import { formatTime } from '../../../components/format-time';
import { useLoader } from '../../../hooks/use-loader';
import { fetchMe } from '../../../services/community';
import { fetchDeliberations } from '../../../services/deliberations';
import { DELIBERATION_STEPS } from '../../../shared/domain/deliberation-rules';
import { PageRoot } from '../../../components/page-root';

/** 居民议事: the community's deliberations, each at one of the five steps. */
export default function DeliberationsPage() {
  const { data, error } = useLoader(fetchDeliberations, []);
  const { data: me } = useLoader(fetchMe, []);
  const admin = me?.roles.includes('admin') ?? false;
  return (
    <PageRoot>
      {admin ? (
        <BigButton id='go-new-deliberation' onClick={() => void Taro.navigateTo({ url: '/pages/admin/deliberations/index' })}>
          发起议事
        </BigButton>
      ) : null}
      <ErrorText message={error} />
      {data && data.items.length === 0 ? <View className='muted'>还没有议事。</View> : null}
      {data?.items.map((item) => (
        <View
          key={item.id}
          id={`deliberation-${item.id}`}
          className='card'
          role='link'
          aria-label={`${item.title}，${DELIBERATION_STEPS[item.step]}`}
          onClick={() => void Taro.navigateTo({ url: `/pages/public/deliberation/index?id=${item.id}` })}
        >
          <View className='subtitle'>{item.title}</View>
          <View className='state'>{DELIBERATION_STEPS[item.step]}</View>
          <View className='muted'>
            {item.scope} · {formatTime(item.voteStartsAt)} 至 {formatTime(item.voteEndsAt)}
          </View>
          {item.canVote ? <View className='muted'>您还没有投票</View> : null}
        </View>
      ))}
    </PageRoot>
  );
}
