import { View } from '@tarojs/components';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { BigButton } from '../../../components/big-button';
import { ErrorText } from '../../../components/error-text';
import { useLoader } from '../../../hooks/use-loader';
import { fetchMyPoints, issueRedeemCode } from '../../../services/points';
import { QrPicture } from '../../../components/qr-picture';
import { PageRoot } from '../../../components/page-root';

/** Renew this long before the code's expiry, so what the shop scans is always valid. */
const RENEW_MARGIN_MS = 15_000;

interface ShownCode {
  code: string;
  qr: string;
  expiresAt: number;
}

/** The member's dynamic redemption code: single use, valid a minute, renewed on its own while the page is open. */
export default function RedeemCodePage() {
  // A new code each time the page shows; a failed renewal keeps the last code (and says why) until one succeeds.
  const { data, error, reload: renew } = useLoader(async () => {
    const [issued, points] = await Promise.all([issueRedeemCode(), fetchMyPoints()]);
    const code: ShownCode = { code: issued.code, qr: issued.qr, expiresAt: Date.parse(issued.expiresAt) };
    return { shown: code, available: points.available };
  }, []);
  const shown = data?.shown ?? null;
  const available = data?.available ?? null;
  const [now, setNow] = useState(Date.now());
  const visible = useRef(false);

  useDidShow(() => {
    visible.current = true;
  });
  useDidHide(() => {
    visible.current = false;
  });

  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now());
      if (visible.current && shown && shown.expiresAt - Date.now() < RENEW_MARGIN_MS) void renew();
    }, 1000);
    return () => clearInterval(timer);
  }, [renew, shown]);

  const secondsLeft = shown ? Math.max(0, Math.round((shown.expiresAt - now) / 1000)) : 0;
  return (
    <PageRoot>
      <ErrorText message={error} />
      <View className='card qr-card'>
        <View className='subtitle'>请把兑换码给店员扫描</View>
        {shown ? <QrPicture id='redeem-qr' src={shown.qr} label='兑换码' /> : <View className='muted'>正在生成…</View>}
        <View className='muted'>{shown ? `${secondsLeft} 秒后自动更新，一码只能用一次` : ''}</View>
        {available !== null ? (
          <View className='subtitle' id='redeem-available'>
            可用积分 {available} 分
          </View>
        ) : null}
      </View>
      <BigButton id='redeem-renew' secondary onClick={() => void renew()}>
        刷新兑换码
      </BigButton>
    </PageRoot>
  );
}
