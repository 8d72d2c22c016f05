import Taro from '@tarojs/taro';

/**
 * Stores a chosen photo in cloud storage and returns the id that actions accept (`cloud://…`). The H5
 * build takes `upload.h5.ts` instead (the local host's /api/files).
 */
export async function uploadPhoto(tempPath: string): Promise<string> {
  const extension = tempPath.split('.').pop() ?? 'jpg';
  const result = await Taro.cloud.uploadFile({ cloudPath: `photos/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${extension}`, filePath: tempPath });
  return result.fileID;
}
