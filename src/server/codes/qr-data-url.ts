import QRCode from 'qrcode';

/**
 * A QR image the app can show as-is: an SVG data URL (the mini-program <Image> and browsers both take
 * it). SVG rather than PNG: it is a fraction of the size and needs no PNG encoding on every code.
 */
export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, width: 320 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
