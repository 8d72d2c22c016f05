import { SCENE_PAGE } from '../../shared/domain/scene';
import type { QrCodes } from '../ports';

/**
 * Locally a QR code is a PNG the host renders on request (GET /qr?scene=…), encoding the H5 URL
 * of the page WeChat would open with the same scene.
 */
export const localQrCodes: QrCodes = {
  async imageUrl(scene) {
    return `/qr?scene=${encodeURIComponent(scene)}`;
  },
  pageUrl(scene) {
    return `/#/${SCENE_PAGE}?scene=${encodeURIComponent(scene)}`;
  },
};
