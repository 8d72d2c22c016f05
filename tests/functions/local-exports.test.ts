import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPORT_TTL_MS, exportsDir, saveLocalExport } from '../../src/server/host/local-exports';

describe('local export files', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'daiban-exports-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const tokenOf = (url: string) => url.split('/')[2];

  test('an export older than its link is deleted at the next export; a fresh one stays', async () => {
    const save = saveLocalExport(dataDir);
    const old = tokenOf((await save('旧台账.xlsx', new Uint8Array([1, 2, 3]))).url);
    const recent = tokenOf((await save('新台账.xlsx', new Uint8Array([4, 5]))).url);
    const past = (Date.now() - EXPORT_TTL_MS - 60_000) / 1000;
    utimesSync(join(exportsDir(dataDir), old), past, past);

    const latest = tokenOf((await save('统计.xlsx', new Uint8Array([6]))).url);
    expect(readdirSync(exportsDir(dataDir)).sort()).toEqual([recent, latest].sort());
    expect(existsSync(join(exportsDir(dataDir), old))).toBe(false);
  });

  test('refuses a file name that is not a plain .xlsx name, writing nothing', async () => {
    await expect(saveLocalExport(dataDir)('../escape.xlsx', new Uint8Array([1]))).rejects.toThrow('bad export file name');
    expect(existsSync(exportsDir(dataDir))).toBe(false);
  });
});
