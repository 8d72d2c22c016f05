import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { ErrorText } from '../../../components/error-text';
import { useLoader } from '../../../hooks/use-loader';
import { fetchCommunities } from '../../../services/community';
import { PageRoot } from '../../../components/page-root';

/** The district-level view across communities. */
export default function DistrictPage() {
  const { data, error } = useLoader(() => fetchCommunities(), []);
  return (
    <PageRoot>
      <ErrorText message={error} />
      <BigButton id='district-stats' onClick={() => Taro.navigateTo({ url: '/pages/admin/stats/index' })}>
        统计分析（全辖区 / 各社区）
      </BigButton>
      <BigButton id='district-audit' secondary onClick={() => Taro.navigateTo({ url: '/pages/admin/audit/index' })}>
        操作日志（全辖区）
      </BigButton>
      {data?.items.map((community) => (
        <View key={community.id} className='card community-item'>
          <View className='subtitle'>{community.name}</View>
          <View className='muted'>
            {community.grids} 个网格 · {community.members} 名党员 · {community.residents} 名居民 · 在办求助 {community.openRequests} 件
          </View>
        </View>
      ))}
    </PageRoot>
  );
}
