import QRCode from 'qrcode';

/** A QR image the app can show as-is (mini-program <Image> and H5 both take data URLs). */
export function qrDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: 320 });
}
