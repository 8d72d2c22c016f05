import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../components/big-button';
import { CallGridWorker } from '../../components/call-grid-worker';
import { ErrorText } from '../../components/error-text';
import { useCareMode } from '../../hooks/use-care-mode';
import { useLoader } from '../../hooks/use-loader';
import { fetchMe } from '../../services/community';
import { ROLE_LABELS } from '../../shared/domain/roles';
import { PageRoot } from '../../components/page-root';

/** 我的: who I am, the care-mode switch (remembered on this phone) and my grid worker's number. */
export default function ProfilePage() {
  const { data: me, error } = useLoader(fetchMe, []);
  const { care, setCare } = useCareMode();
  return (
    <PageRoot>
      <ErrorText message={error} />
      {me ? (
        <View className='card'>
          <View className='title'>{me.name}</View>
          <View className='muted'>{me.phone}</View>
          <View className='muted'>
            {me.communityName}
            {me.gridName ? ` · ${me.gridName}` : ''}
          </View>
          <View className='muted'>{me.roles.map((role) => ROLE_LABELS[role]).join('、')}</View>
        </View>
      ) : null}
      <View
        id='care-mode-switch'
        className={care ? 'care-switch on' : 'care-switch'}
        role='switch'
        aria-checked={care}
        aria-label='关怀模式：字更大，按钮更大，首页只留三个大按钮和消息'
        onClick={() => setCare(!care)}
      >
        <View>关怀模式</View>
        <View id='care-mode-state'>{care ? '已开启' : '已关闭'}</View>
      </View>
      <View className='muted'>开启后字更大、按钮更大，首页只留「我要求助」「我的求助」「联系网格员」三个大按钮和「消息」。</View>
      <CallGridWorker secondary />
      <BigButton id='open-my-data' secondary onClick={() => void Taro.navigateTo({ url: '/pages/account/data/index' })}>
        我的信息（查看、导出、注销）
      </BigButton>
      <BigButton id='open-privacy-guide' secondary onClick={() => void Taro.navigateTo({ url: '/pages/account/privacy/index' })}>
        隐私保护指引
      </BigButton>
    </PageRoot>
  );
}
