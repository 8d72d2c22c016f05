import { randomBytes } from 'node:crypto';
import type { Clock, Files } from '../../../ports';
import type { WxCloud } from './wx-cloud';

/** Exports are offered for a day, like the local host's links (the stored file stays until storage is cleaned). */
export const EXPORT_TTL_S = 24 * 60 * 60;
/** An existence check only needs a link that is never handed out. */
const CHECK_TTL_S = 60;
/**
 * A photo the mini-program uploaded (`services/upload.ts` puts them under `photos/`):
 * `cloud://<env>.<bucket>/photos/<name>`. Other cloud files (exports, QR codes) are not photos.
 */
const PHOTO_FILE = /^cloud:\/\/[A-Za-z0-9._-]{1,120}\/photos\/[A-Za-z0-9._-]{1,120}$/;
const EXPORT_NAME = /^[^/\\\0]{1,120}\.xlsx$/;
/** Characters cloud storage advises against in a path, and anything unprintable. */
const UNSAFE_IN_PATH = /[`^"\\{}[\]~%#<>|?*:\s\u0000-\u001f\u007f]/g;

/** A signed link to a stored file, or null when there is no such file. */
export async function temporaryUrl(cloud: Pick<WxCloud, 'getTempFileURL'>, fileID: string, maxAge: number): Promise<string | null> {
  const { fileList } = await cloud.getTempFileURL({ fileList: [{ fileID, maxAge }] });
  const item = fileList.find((candidate) => candidate.fileID === fileID) ?? fileList[0];
  return item && item.status === 0 && item.tempFileURL ? item.tempFileURL : null;
}

function chinaDate(at: number): string {
  return new Date(at + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

export interface CloudFilesOptions {
  cloud: Pick<WxCloud, 'uploadFile' | 'getTempFileURL' | 'deleteFile'>;
  clock: Clock;
}

/**
 * Files on CloudBase storage. Photos are uploaded by the mini-program itself and referenced by their
 * `cloud://` fileID, which WeChat's <Image> shows directly, so `urlFor` hands the fileID back.
 * Exports are uploaded here under an unguessable name and handed over as their fileID too: the
 * mini-program fetches it with `Taro.cloud.downloadFile` (services/download.ts), which needs no
 * download domain whitelisted, where a signed https link would need `Taro.downloadFile` and the
 * storage domain in 开发管理 → 服务器域名. Either way the file is read under the storage rule, which
 * photos already need to be 所有用户可读 (setup-database checks it).
 */
export function createCloudFiles(options: CloudFilesOptions): Files {
  const { cloud, clock } = options;
  return {
    async exists(fileId) {
      if (!PHOTO_FILE.test(fileId)) return false;
      return (await temporaryUrl(cloud, fileId, CHECK_TTL_S)) !== null;
    },
    urlFor(fileId) {
      return PHOTO_FILE.test(fileId) ? fileId : '';
    },
    async saveExport(fileName, bytes) {
      if (!EXPORT_NAME.test(fileName)) throw new Error(`bad export file name: ${fileName}`);
      const now = clock.now();
      const cloudPath = `exports/${chinaDate(now)}/${randomBytes(16).toString('hex')}-${fileName.replace(UNSAFE_IN_PATH, '_')}`;
      const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
      if (!fileID.startsWith('cloud://')) throw new Error(`cloud storage answered no fileID for the export ${cloudPath}: ${fileID}`);
      return { url: fileID, expiresAt: now + EXPORT_TTL_S * 1000 };
    },
    async remove(fileIds) {
      const photos = [...new Set(fileIds)].filter((fileId) => PHOTO_FILE.test(fileId));
      // deleteFile takes at most 50 files a call; a file already gone answers its own status, not an error.
      for (let start = 0; start < photos.length; start += 50) await cloud.deleteFile({ fileList: photos.slice(start, start + 50) });
    },
  };
}
