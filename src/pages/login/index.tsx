import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../components/big-button';
import { ErrorText } from '../../components/error-text';
import { useLoader } from '../../hooks/use-loader';
import { clearLocalOpenid, fetchDemoDirectory, setLocalOpenid } from '../../services/session';
import { buildScene } from '../../shared/domain/scene';
import { ROLE_LABELS } from '../../shared/domain/roles';
import { PageRoot } from '../../components/page-root';

/** Local H5 only: stands in for WeChat login by letting you pick a demo user. */
export default function LoginPage() {
  const { data, error } = useLoader(() => fetchDemoDirectory(), []);

  const choose = (openid: string) => {
    setLocalOpenid(openid);
    void Taro.reLaunch({ url: '/pages/index/index' });
  };

  return (
    <PageRoot>
      <View className='title'>模拟微信登录</View>
      <View className='muted'>本地演示环境：请选择一位演示用户登录。在微信中会自动识别身份。</View>
      <ErrorText message={error} />
      {(data?.users ?? []).map((user) => (
        <BigButton key={user.openid} id={`login-${user.openid}`} secondary onClick={() => choose(user.openid)}>
          {user.name} · {user.roles.map((role) => ROLE_LABELS[role]).join('、')}
        </BigButton>
      ))}
      <View className='subtitle'>模拟新用户扫描社区二维码</View>
      {(data?.communities ?? []).map((community) => (
        <BigButton
          key={community.id}
          id={`scan-${community.id}`}
          onClick={() => {
            clearLocalOpenid();
            void Taro.navigateTo({ url: `/pages/join/index?scene=${encodeURIComponent(buildScene({ kind: 'community', id: community.id }))}` });
          }}
        >
          扫码加入{community.name}
        </BigButton>
      ))}
    </PageRoot>
  );
}
