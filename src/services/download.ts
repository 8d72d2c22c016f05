import Taro from '@tarojs/taro';
import { ServiceError } from './transport';

/** An export in cloud storage, as the production functions hand it over: its fileID. */
export function isCloudFileId(url: string): boolean {
  return url.startsWith('cloud://');
}

/**
 * Hands an exported workbook to the user: in the browser (local H5) a download of the host's
 * `/exports/…` link; in WeChat the file is fetched and opened in the document viewer, where it can
 * be forwarded or saved. Production exports arrive as a cloud fileID, fetched with
 * `Taro.cloud.downloadFile`, which needs no download domain in the mini-program's whitelist (a
 * temporary https link would: `Taro.downloadFile` is refused for any domain not listed there).
 */
export async function openExportedFile(url: string, fileName: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    link.remove();
    return;
  }
  const downloaded = isCloudFileId(url) ? await Taro.cloud.downloadFile({ fileID: url }) : await Taro.downloadFile({ url });
  if (downloaded.statusCode !== 200 || !downloaded.tempFilePath) throw new ServiceError({ code: 'INTERNAL', message: '文件下载失败，请稍后重新导出' });
  await Taro.openDocument({ filePath: downloaded.tempFilePath, fileType: 'xlsx', showMenu: true });
}
