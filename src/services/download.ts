import Taro from '@tarojs/taro';
import { ServiceError } from './transport';

/**
 * Hands an exported workbook to the user: in the browser (local H5) a download of the host's
 * `/exports/…` link; in WeChat the file is downloaded and opened in the document viewer, where it
 * can be forwarded or saved.
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
  const downloaded = await Taro.downloadFile({ url });
  if (downloaded.statusCode !== 200) throw new ServiceError({ code: 'INTERNAL', message: '文件下载失败，请稍后重新导出' });
  await Taro.openDocument({ filePath: downloaded.tempFilePath, fileType: 'xlsx', showMenu: true });
}
