import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { ErrorText } from '../../../components/error-text';
import { useLoader } from '../../../hooks/use-loader';
import { fetchApplications, fetchMe } from '../../../services/community';
import { PageRoot } from '../../../components/page-root';

const go = (page: string) => () => Taro.navigateTo({ url: `/pages/admin/${page}/index` });

/** Community management for the secretary (admin) and grid workers. */
export default function AdminHomePage() {
  const { data, error } = useLoader(async () => {
    const me = await fetchMe();
    const pending = me.roles.includes('admin') ? (await fetchApplications('pending')).items.length : 0;
    return { me, pending };
  }, []);
  const isAdmin = data?.me.roles.includes('admin') ?? false;
  return (
    <PageRoot>
      <ErrorText message={error} />
      {data ? <View className='title'>{data.me.communityName} · 社区管理</View> : null}
      {isAdmin ? (
        <BigButton id='admin-applications' onClick={go('applications')}>
          报到审核{data && data.pending > 0 ? <Text className='badge'>{data.pending}</Text> : null}
        </BigButton>
      ) : null}
      <BigButton id='admin-requests' onClick={go('requests')}>
        求助派单
      </BigButton>
      <BigButton id='admin-demand' secondary onClick={go('demand')}>
        民意民盼台账
      </BigButton>
      <BigButton id='admin-projects' secondary onClick={go('projects')}>
        民生实事台账
      </BigButton>
      <BigButton id='admin-stats' secondary onClick={go('stats')}>
        统计分析
      </BigButton>
      {isAdmin ? (
        <BigButton id='admin-evaluations' secondary onClick={go('evaluations')}>
          定期评价
        </BigButton>
      ) : null}
      {isAdmin ? (
        <BigButton id='admin-audit' secondary onClick={go('audit')}>
          操作日志
        </BigButton>
      ) : null}
      <BigButton id='admin-public-projects' secondary onClick={() => Taro.navigateTo({ url: '/pages/public/projects/index' })}>
        居民看到的民生实事（晒清单）
      </BigButton>
      <BigButton id='admin-deliberations' secondary onClick={() => Taro.navigateTo({ url: '/pages/public/deliberations/index' })}>
        居民议事
      </BigButton>
      <BigButton id='admin-file-request' secondary onClick={go('file-request')}>
        代办登记（替居民提交求助）
      </BigButton>
      <BigButton id='admin-members' secondary onClick={go('members')}>
        党员与居民
      </BigButton>
      <BigButton id='admin-structure' secondary onClick={go('structure')}>
        网格 · 楼栋 · 住户
      </BigButton>
      <BigButton id='admin-central' secondary onClick={go('central')}>
        党员中心户
      </BigButton>
      <BigButton id='admin-service-points' secondary onClick={go('service-points')}>
        服务点
      </BigButton>
      <BigButton id='admin-on-duty' secondary onClick={go('on-duty')}>
        值守情况
      </BigButton>
      <BigButton id='admin-activities' secondary onClick={go('activities')}>
        志愿活动
      </BigButton>
      <BigButton id='admin-qr' secondary onClick={go('qr')}>
        社区二维码
      </BigButton>
      {isAdmin ? (
        <View>
          <BigButton id='admin-points' secondary onClick={go('points')}>
            积分管理
          </BigButton>
          <BigButton id='admin-shops' secondary onClick={go('shops')}>
            积分超市与店铺
          </BigButton>
          <BigButton id='admin-settings' secondary onClick={go('settings')}>
            特长与岗位设置
          </BigButton>
          <BigButton id='admin-dispatch-policy' secondary onClick={go('dispatch-policy')}>
            派单规则
          </BigButton>
        </View>
      ) : null}
    </PageRoot>
  );
}
