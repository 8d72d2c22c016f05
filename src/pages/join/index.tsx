import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { BigButton } from '../../components/big-button';
import { ChipSelect } from '../../components/chip-select';
import { ErrorText } from '../../components/error-text';
import { TextField } from '../../components/text-field';
import { useAction } from '../../hooks/use-action';
import { useLoader } from '../../hooks/use-loader';
import { joinCommunity, resolveScene } from '../../services/community';
import { getLocalOpenid, isLocalH5, setLocalOpenid } from '../../services/session';
import { PageRoot } from '../../components/page-root';

/** Locally, someone opening a QR link without a demo login is a new WeChat user: give them a fresh identity. */
function ensureLocalIdentity(): void {
  if (isLocalH5 && !getLocalOpenid()) setLocalOpenid(`demo-guest-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`);
}

/** Every community, grid, service-point, activity and shop-invitation QR code opens this page with its scene. */
export default function JoinPage() {
  const scene = useRouter().params.scene ?? '';
  const { data: info, error: loadError } = useLoader(() => {
    ensureLocalIdentity();
    return resolveScene(scene);
  }, [scene]);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [buildingId, setBuildingId] = useState<string | null>(null);
  const [door, setDoor] = useState('');
  const { busy, error, run } = useAction();

  // For people already in the community, a service point's or an activity's code is for checking in there.
  useEffect(() => {
    if (!info?.alreadyMember) return;
    if (info.servicePoint) void Taro.redirectTo({ url: `/pages/service/duty/index?id=${info.servicePoint.id}&name=${encodeURIComponent(info.servicePoint.name)}` });
    else if (info.activity) void Taro.redirectTo({ url: `/pages/service/activity/index?id=${info.activity.id}` });
  }, [info]);

  const join = () =>
    run(async () => {
      await joinCommunity({ scene, name, phone, buildingId: buildingId ?? undefined, door: door || undefined });
      await Taro.reLaunch({ url: '/pages/index/index' });
    });

  if (!info) {
    return (
      <PageRoot>
        <ErrorText message={loadError} />
        {!loadError ? <View className='muted'>正在识别二维码…</View> : null}
      </PageRoot>
    );
  }

  return (
    <PageRoot>
      <View className='card'>
        <View className='title' id='join-community'>
          {info.community.name}
        </View>
        {info.grid ? <View className='muted'>{info.grid.name}</View> : null}
        {info.servicePoint ? <View className='muted'>服务点：{info.servicePoint.name}</View> : null}
        {info.activity ? <View className='muted'>活动：{info.activity.name}</View> : null}
        {info.shop ? <View className='muted'>店铺邀请：{info.shop.name}（加入后成为店员）</View> : null}
        {info.alreadyMember ? <View className='muted'>您已是本社区居民，可以更新您的信息。</View> : null}
      </View>

      <TextField id='join-name' label='怎么称呼您' value={name} onChange={setName} placeholder='例如：王阿姨' maxlength={20} />
      <TextField id='join-phone' label='手机号' value={phone} onChange={setPhone} placeholder='11 位手机号' maxlength={11} type='number' />
      <View className='muted'>您的电话只在党员接单后给接单党员看到，用于上门联系。</View>

      {info.buildings.length > 0 ? (
        <View>
          <View className='subtitle'>住在哪一栋（可选）</View>
          <ChipSelect
            label='楼栋'
            idPrefix='building'
            options={info.buildings.map((building) => ({ value: building.id, label: building.name }))}
            selected={buildingId ? [buildingId] : []}
            onChange={(selected) => setBuildingId(selected[0] ?? null)}
          />
          {buildingId ? <TextField id='join-door' label='单元和门牌号' value={door} onChange={setDoor} placeholder='例如：2 单元 401' maxlength={30} /> : null}
        </View>
      ) : null}

      <ErrorText message={error} />
      <View className='muted' id='join-consent'>
        点“{info.alreadyMember ? '更新我的信息' : '加入社区'}”即表示您同意按
        <Text className='privacy-inline-link' id='join-privacy-link' onClick={() => void Taro.navigateTo({ url: '/pages/account/privacy/index' })}>
          《隐私保护指引》
        </Text>
        使用您的手机号。
      </View>
      <BigButton id='join-submit' disabled={busy} onClick={join}>
        {info.alreadyMember ? '更新我的信息' : '加入社区'}
      </BigButton>
    </PageRoot>
  );
}
