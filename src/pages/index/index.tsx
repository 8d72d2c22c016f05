import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../components/big-button';
import { CallGridWorker } from '../../components/call-grid-worker';
import { useCareMode } from '../../hooks/use-care-mode';
import { ErrorText } from '../../components/error-text';
import { useLoader } from '../../hooks/use-loader';
import { fetchMe } from '../../services/community';
import { getLocalOpenid, isLocalH5 } from '../../services/session';
import { ROLE_LABELS } from '../../shared/domain/roles';
import { PageRoot } from '../../components/page-root';

const go = (url: string) => () => Taro.navigateTo({ url });

/** 消息, with the number of unread notices. */
function InboxButton({ id, unread }: { id: string; unread: number }) {
  return (
    <BigButton id={id} secondary onClick={go('/pages/inbox/index')}>
      消息
      {unread > 0 ? <Text className='badge'>{unread} 条未读</Text> : null}
    </BigButton>
  );
}

export default function IndexPage() {
  const { data: me, error } = useLoader(async () => {
    if (isLocalH5 && !getLocalOpenid()) {
      await Taro.redirectTo({ url: '/pages/login/index' });
      return null;
    }
    return fetchMe();
  }, []);

  const isMember = me?.roles.some((role) => role === 'member' || role === 'volunteer') ?? false;
  const isResident = me?.roles.includes('resident') ?? false;
  const isStaff = me?.roles.some((role) => role === 'admin' || role === 'grid_worker') ?? false;
  const isDistrict = me?.roles.includes('district_viewer') ?? false;
  const isShopStaff = me?.roles.includes('shop_staff') ?? false;
  const { care } = useCareMode();

  if (care && isResident) {
    // 关怀模式: three big actions and 消息; everything else stays one tap away under 我的.
    return (
      <PageRoot>
        <ErrorText message={error} />
        {me ? (
          <View className='title' id='greeting'>
            您好，{me.name}
          </View>
        ) : null}
        <BigButton id='care-new-request' onClick={go('/pages/request/quick/index')}>
          我要求助
        </BigButton>
        <BigButton id='care-my-requests' onClick={go('/pages/request/mine/index')}>
          我的求助
        </BigButton>
        {me ? <InboxButton id='care-inbox' unread={me.unreadCount} /> : null}
        <CallGridWorker />
        <BigButton id='go-profile' secondary onClick={go('/pages/profile/index')}>
          我的（关闭关怀模式）
        </BigButton>
      </PageRoot>
    );
  }

  return (
    <PageRoot>
      <ErrorText message={error} />
      {me ? (
        <View className='card'>
          <View className='title' id='greeting'>
            您好，{me.name}
          </View>
          <View className='muted'>
            {me.communityName}
            {me.gridName ? ` · ${me.gridName}` : ''}
          </View>
          <View className='muted'>{me.roles.map((role) => ROLE_LABELS[role]).join('、')}</View>
        </View>
      ) : null}
      {/* 消息 first for everyone: offers and notices must never sit below the fold. */}
      {me ? <InboxButton id='go-inbox' unread={me.unreadCount} /> : null}
      {isResident ? (
        <View>
          <BigButton id='go-new-request' onClick={go('/pages/request/new/index')}>
            我要求助
          </BigButton>
          <BigButton id='go-my-requests' secondary onClick={go('/pages/request/mine/index')}>
            我的求助
          </BigButton>
        </View>
      ) : null}
      {isMember ? (
        <View>
          <BigButton id='go-tasks' onClick={go('/pages/tasks/index')}>
            党员接单
          </BigButton>
          <BigButton id='go-points' secondary onClick={go('/pages/points/index')}>
            我的积分
          </BigButton>
          <BigButton id='go-activities' secondary onClick={go('/pages/service/activities/index')}>
            志愿活动
          </BigButton>
          <BigButton id='go-duty' secondary onClick={go('/pages/service/duty/index')}>
            值守签到
          </BigButton>
          <BigButton id='go-wishes' secondary onClick={go('/pages/service/wishes/index')}>
            微心愿墙
          </BigButton>
          <BigButton id='go-service-record' secondary onClick={go('/pages/service/record/index')}>
            我的服务记录
          </BigButton>
        </View>
      ) : null}
      {isShopStaff ? (
        <View>
          <BigButton id='go-till' onClick={go('/pages/market/till/index')}>
            积分兑换收银
          </BigButton>
          <BigButton id='go-shop-orders' secondary onClick={go('/pages/market/shop-orders/index')}>
            今日兑换
          </BigButton>
          <BigButton id='go-shop-items' secondary onClick={go('/pages/market/items/index')}>
            商品管理
          </BigButton>
        </View>
      ) : null}
      {isStaff ? (
        <BigButton id='go-admin' onClick={go('/pages/admin/index/index')}>
          社区管理
        </BigButton>
      ) : null}
      {isDistrict ? (
        <BigButton id='go-district' onClick={go('/pages/admin/district/index')}>
          街道总览
        </BigButton>
      ) : null}
      {isDistrict ? (
        <BigButton id='go-stats' secondary onClick={go('/pages/admin/stats/index')}>
          统计分析
        </BigButton>
      ) : null}
      {isResident || isMember ? (
        <BigButton id='go-public-projects' secondary onClick={go('/pages/public/projects/index')}>
          社区民生实事
        </BigButton>
      ) : null}
      {isResident || isMember || isStaff ? (
        <BigButton id='go-deliberations' secondary onClick={go('/pages/public/deliberations/index')}>
          居民议事
        </BigButton>
      ) : null}
      {me ? (
        <BigButton id='go-profile' secondary onClick={go('/pages/profile/index')}>
          我的（关怀模式）
        </BigButton>
      ) : null}
      {isResident ? (
        <BigButton id='go-apply' secondary onClick={go('/pages/member/apply/index')}>
          {isMember ? '我的报到与岗位' : '党员/志愿者报到'}
        </BigButton>
      ) : null}
      {isLocalH5 ? (
        <View className='muted' style={{ textAlign: 'center', padding: '24px' }} role='link' onClick={() => Taro.redirectTo({ url: '/pages/login/index' })}>
          切换演示用户
        </View>
      ) : null}
    </PageRoot>
  );
}
