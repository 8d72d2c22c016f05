import { Image, View } from '@tarojs/components';
import { useLoader } from '../hooks/use-loader';
import { fetchQrCode } from '../services/community';
import type { SceneKind } from '../shared/domain/scene';
import { imageLabel } from './a11y';
import { ErrorText } from './error-text';

export interface QrImageProps {
  kind: SceneKind;
  id: string;
  caption: string;
}

/** A printable QR code; long-press to save it in WeChat. */
export function QrImage({ kind, id, caption }: QrImageProps) {
  const { data, error } = useLoader(() => fetchQrCode(kind, id), [kind, id]);
  return (
    <View className='card' style={{ textAlign: 'center' }}>
      <View className='subtitle'>{caption}</View>
      <ErrorText message={error} />
      {data ? <Image className='qr-image' src={data.imageUrl} showMenuByLongpress {...imageLabel(`${caption}二维码`)} style={{ width: '480px', height: '480px' }} /> : null}
      {data ? <View className='muted'>二维码内容：{data.scene}</View> : null}
    </View>
  );
}
