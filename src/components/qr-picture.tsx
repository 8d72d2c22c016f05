import { Image } from '@tarojs/components';
import { imageLabel } from './a11y';

export interface QrPictureProps {
  src: string;
  label: string;
  id?: string;
}

/**
 * A QR code drawn whole on any phone: square, as wide as the card allows up to a comfortable scanning
 * size (`.qr-picture` in app.css), never a fixed pixel width that a 320 px screen would cut off.
 */
export function QrPicture({ src, label, id }: QrPictureProps) {
  return <Image id={id} className='qr-picture' src={src} showMenuByLongpress {...imageLabel(label)} />;
}
