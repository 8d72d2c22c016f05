import { SCENE_MAX_LENGTH, SCENE_PAGE } from '../../../../shared/domain/scene';
import { AppError } from '../../../../shared/errors';
import type { QrCodes } from '../../../ports';
import type { EnvVersion, WxCloud } from './wx-cloud';
import { temporaryUrl } from './cloud-files';

/** What `wxacode.getUnlimited` accepts as a scene: 1–32 visible characters of this set. */
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/;
/** Links to a stored code live a day; the admin page asks again each time it opens. */
export const QR_URL_MAX_AGE_S = 24 * 60 * 60;

export function isWxScene(scene: string): boolean {
  return scene.length >= 1 && scene.length <= SCENE_MAX_LENGTH && SCENE.test(scene);
}

/**
 * A file name for a scene, one to one: letters, digits and '-' stay, every other character becomes
 * '_' and its two hex digits ('c=c_1' → 'c_3Dc_5F1'), so two scenes never share a file.
 */
export function sceneFileName(scene: string): string {
  return Array.from(scene, (char) => (/^[A-Za-z0-9-]$/.test(char) ? char : `_${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** What `getUnlimited` answers: JPEG unless `isHyaline` (a transparent PNG) is asked for, which we never do. */
export type QrImageFormat = 'jpg' | 'png';

/** The image format of WeChat's answer, from its first bytes (its `contentType` is not always set); null when it is no image. */
export function qrImageFormat(image: Buffer): QrImageFormat | null {
  if (image.length >= 3 && image[0] === 0xff && image[1] === 0xd8 && image[2] === 0xff) return 'jpg';
  if (image.length >= 8 && image.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  return null;
}

/**
 * Where a scene's code is stored. Codes for the released version live at `qrcodes/<name>.jpg` (the
 * format WeChat returns them in, so storage serves them as image/jpeg); a code made for the trial or
 * develop version opens that version, so it is kept apart and never reused once the environment
 * switches to release.
 */
export function qrCloudPath(scene: string, envVersion: EnvVersion, format: QrImageFormat = 'jpg'): string {
  const folder = envVersion === 'release' ? 'qrcodes' : `qrcodes/${envVersion}`;
  return `${folder}/${sceneFileName(scene)}.${format}`;
}

export interface WxQrCodesOptions {
  cloud: Pick<WxCloud, 'openapi' | 'uploadFile' | 'getTempFileURL' | 'fileIdOf'>;
  /** Read at each use (it may throw on a misconfigured environment variable). */
  envVersion: () => EnvVersion;
}

/**
 * Mini-program codes (小程序码) from `wxacode.getUnlimited`, opening the join page with the scene.
 * Each scene's JPEG is made once and kept in cloud storage; later asks only sign a new temporary link.
 */
export function createWxQrCodes(options: WxQrCodesOptions): QrCodes {
  const { cloud } = options;
  return {
    async imageUrl(scene) {
      if (!isWxScene(scene)) {
        throw new AppError('VALIDATION_FAILED', `二维码内容不符合小程序码的要求（最多 ${SCENE_MAX_LENGTH} 个字母、数字或常用符号），无法生成`);
      }
      const envVersion = options.envVersion();
      const cloudPath = qrCloudPath(scene, envVersion);
      const stored = await temporaryUrl(cloud, await cloud.fileIdOf(cloudPath), QR_URL_MAX_AGE_S);
      if (stored) return stored;

      const code = await cloud.openapi.wxacode.getUnlimited({ scene, page: SCENE_PAGE, checkPath: false, envVersion });
      const format = Buffer.isBuffer(code.buffer) ? qrImageFormat(code.buffer) : null;
      if (!format) throw new Error(`wxacode.getUnlimited returned no image for ${scene} (${code.contentType ?? 'no content type'})`);
      // A PNG (never asked for) is stored under its own extension: served with the right type, made again on the next ask.
      const { fileID } = await cloud.uploadFile({ cloudPath: format === 'jpg' ? cloudPath : qrCloudPath(scene, envVersion, format), fileContent: code.buffer });
      const url = await temporaryUrl(cloud, fileID, QR_URL_MAX_AGE_S);
      if (!url) throw new Error(`no temporary link for the new QR code ${fileID}`);
      return url;
    },
    pageUrl(scene) {
      return `${SCENE_PAGE}?scene=${encodeURIComponent(scene)}`;
    },
  };
}
