import Taro from '@tarojs/taro';
import type { Envelope } from '../shared/errors';
import { getLocalOpenid, isLocalH5 } from './session';
import { ServiceError } from './transport';

/** Stores a chosen photo and returns the id that actions accept (`local/…` here, `cloud://…` in WeChat). */
export async function uploadPhoto(tempPath: string): Promise<string> {
  if (isLocalH5) {
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
  const extension = tempPath.split('.').pop() ?? 'jpg';
  const result = await Taro.cloud.uploadFile({ cloudPath: `photos/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${extension}`, filePath: tempPath });
  return result.fileID;
}
