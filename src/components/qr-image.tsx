import { View } from '@tarojs/components';
import { useLoader } from '../hooks/use-loader';
import { fetchQrCode } from '../services/community';
import type { SceneKind } from '../shared/domain/scene';
import { ErrorText } from './error-text';
import { QrPicture } from './qr-picture';

export interface QrImageProps {
  kind: SceneKind;
  id: string;
  caption: string;
}

/** A printable QR code of the community, a grid, a service point, an activity or a shop invitation; long-press to save it in WeChat. */
export function QrImage({ kind, id, caption }: QrImageProps) {
  const { data, error } = useLoader(() => fetchQrCode(kind, id), [kind, id]);
  return (
    <View className='card qr-card'>
      <View className='subtitle'>{caption}</View>
      <ErrorText message={error} />
      {data ? <QrPicture src={data.imageUrl} label={`${caption}二维码`} /> : <View className='muted'>正在生成二维码…</View>}
      {data ? <View className='muted'>{process.env.TARO_ENV === 'weapp' ? '长按二维码可保存到相册，打印后张贴' : '可截图或打印后张贴'}</View> : null}
    </View>
  );
}
