import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { BigButton } from '../../../components/big-button';
import { ErrorText } from '../../../components/error-text';
import { formatMinutes } from '../../../components/format-duration';
import { formatTime } from '../../../components/format-time';
import { useAction } from '../../../hooks/use-action';
import { useLoader } from '../../../hooks/use-loader';
import { getCurrentLocation } from '../../../services/location';
import { checkInDuty, checkOutDuty, fetchMyServiceRecord } from '../../../services/service';
import type { TDutyView } from '../../../shared/contracts/service';
import { parseScene, type Scene } from '../../../shared/domain/scene';
import { PageRoot } from '../../../components/page-root';

/** The scene inside what the camera read: a mini-program code's path (`…?scene=sp%3D…`) or the scene itself. */
function sceneFromScan(text: string): Scene | null {
  const match = /[?&]scene=([^&]+)/.exec(text);
  const parsed = parseScene(match ? match[1] : text);
  return parsed.ok ? parsed.scene : null;
}

/** Opened from a service point's QR code (`sp=<id>`): check in on the spot, and check out when leaving. */
export default function DutyPage() {
  const params = useRouter().params;
  const [scannedId, setScannedId] = useState<string | null>(null);
  const servicePointId = scannedId ?? params.id ?? '';
  const servicePointName = decodeURIComponent(params.name ?? '');
  const { data, error, reload } = useLoader(() => fetchMyServiceRecord(), []);
  const { busy, error: actionError, setError: setActionError, run } = useAction();
  const [closed, setClosed] = useState<TDutyView | null>(null);

  const act = (work: (location: { lat: number; lng: number }) => Promise<unknown>) =>
    run(async () => {
      let location;
      try {
        location = await getCurrentLocation();
      } catch {
        throw new Error('没有取得您的位置，请打开定位权限后重试');
      }
      await work(location);
      await reload();
    });

  // In WeChat a member can also scan the point's code from here (camera only: no photo of a code from home).
  const scan = async () => {
    setActionError(null);
    let text: string;
    try {
      const result = await Taro.scanCode({ onlyFromCamera: true });
      text = result.path || result.result;
    } catch {
      return; // cancelled
    }
    const scene = sceneFromScan(text);
    if (scene?.kind !== 'service_point') return setActionError('这不是服务点的签到二维码');
    setScannedId(scene.id);
  };

  const checkIn = () => act((location) => checkInDuty(servicePointId, location).then(() => setClosed(null)));
  const checkOut = () => act(async (location) => setClosed(await checkOutDuty(location)));

  const open = data?.openDuty ?? null;
  return (
    <PageRoot>
      <ErrorText message={error ?? actionError} />
      <View className='card' style={{ textAlign: 'center' }}>
        <View className='title' id='duty-point'>
          {open ? open.servicePointName : servicePointName || '服务点值守'}
        </View>
        {open ? (
          <View id='duty-state'>
            <View className='subtitle'>值守中</View>
            <View className='muted'>{formatTime(open.checkInAt)} 签到</View>
          </View>
        ) : (
          <View id='duty-state' className='muted'>
            未签到
          </View>
        )}
      </View>
      {closed ? (
        <View className='card' id='duty-result'>
          <View className='subtitle'>已签退</View>
          <View>本次值守 {formatMinutes(closed.minutes ?? 0)}</View>
          <View id='duty-points'>获得 {closed.points ?? 0} 分</View>
        </View>
      ) : null}
      {open ? (
        <BigButton id='duty-check-out' disabled={busy} onClick={checkOut}>
          签退
        </BigButton>
      ) : servicePointId ? (
        <BigButton id='duty-check-in' disabled={busy} onClick={checkIn}>
          签到
        </BigButton>
      ) : process.env.TARO_ENV === 'weapp' ? (
        <BigButton id='duty-scan' onClick={() => void scan()}>
          扫服务点二维码
        </BigButton>
      ) : (
        <View className='muted'>请在服务点扫描墙上的二维码签到。</View>
      )}
      <View className='muted'>签到和签退都需要在服务点现场，系统会核对您的位置。</View>
      {data ? (
        <View className='muted' id='duty-month'>
          本月值守 {formatMinutes(data.dutyMinutesThisMonth)}
        </View>
      ) : null}
      <BigButton secondary onClick={() => Taro.navigateTo({ url: '/pages/points/index' })}>
        查看我的积分
      </BigButton>
    </PageRoot>
  );
}
