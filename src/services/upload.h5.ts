import type { Envelope } from '../shared/errors';
import { getLocalOpenid } from './session';
import { ServiceError } from './transport';

/**
 * (H5 build only: WeChat gets `upload.ts`, which has no fetch.) Stores a chosen photo on the local host
 * and returns the id that actions accept (`local/…`).
 */
export async function uploadPhoto(tempPath: string): Promise<string> {
  const blob = await (await fetch(tempPath)).blob();
  const type = ['image/jpeg', 'image/png', 'image/webp'].includes(blob.type) ? blob.type : 'image/jpeg';
  const response = await fetch('/api/files', {
    method: 'POST',
    headers: { 'content-type': type, 'x-openid': getLocalOpenid() ?? '' },
    body: blob,
  });
  const envelope = (await response.json()) as Envelope<{ fileId: string }>;
  if (!envelope.ok) throw new ServiceError(envelope.error);
  return envelope.data.fileId;
}
