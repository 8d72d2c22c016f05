/**
 * How the mini-program opens an export. Taro's WeChat APIs cannot run here, so they are replaced by
 * a recording fake; everything else is the real client code.
 */
const calls: { api: string; params: Record<string, unknown> }[] = [];
let downloadStatus = 200;

jest.mock('@tarojs/taro', () => {
  const record = (api: string) => async (params: Record<string, unknown>) => {
    calls.push({ api, params });
    return { tempFilePath: 'wxfile://tmp/export.xlsx', statusCode: downloadStatus, errMsg: `${api}:ok` };
  };
  const taro = { downloadFile: record('downloadFile'), openDocument: record('openDocument'), cloud: { downloadFile: record('cloud.downloadFile') }, getStorageSync: () => '' };
  return { __esModule: true, default: taro };
});

import { isCloudFileId, openExportedFile } from '../../src/services/download';

const FILE_ID = 'cloud://prod-7g2k.7072-prod-7g2k-1320000000/exports/2026-11-02/0f3a-幸福里社区-民意民盼台账-2026-10.xlsx';

describe('opening an export in the mini-program', () => {
  const savedEnv = process.env.TARO_ENV;
  beforeEach(() => {
    calls.length = 0;
    downloadStatus = 200;
    process.env.TARO_ENV = 'weapp';
  });
  afterAll(() => {
    process.env.TARO_ENV = savedEnv;
  });

  test('a cloud fileID is fetched through cloud storage (no download domain needed), then opened in the document viewer', async () => {
    await openExportedFile(FILE_ID, '幸福里社区-民意民盼台账-2026-10.xlsx');
    expect(calls).toEqual([
      { api: 'cloud.downloadFile', params: { fileID: FILE_ID } },
      { api: 'openDocument', params: { filePath: 'wxfile://tmp/export.xlsx', fileType: 'xlsx', showMenu: true } },
    ]);
    expect(calls.some((call) => call.api === 'downloadFile')).toBe(false);
  });

  test('an https link (an older server) still goes through downloadFile', async () => {
    await openExportedFile('https://7072-prod.tcb.qcloud.la/exports/a.xlsx?sign=s', 'a.xlsx');
    expect(calls.map((call) => call.api)).toEqual(['downloadFile', 'openDocument']);
  });

  test('a failed download says so in Chinese and opens nothing', async () => {
    downloadStatus = 403;
    await expect(openExportedFile(FILE_ID, 'a.xlsx')).rejects.toThrow('文件下载失败，请稍后重新导出');
    expect(calls.map((call) => call.api)).toEqual(['cloud.downloadFile']);
  });

  test('fileIDs are told from links', () => {
    expect(isCloudFileId(FILE_ID)).toBe(true);
    expect(isCloudFileId('/exports/abc/a.xlsx')).toBe(false);
  });
});
