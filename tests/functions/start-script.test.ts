import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callHost, startHostProcess, stopHostProcess } from '../support/host-process';

jest.setTimeout(60_000);

let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'daiban-start-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

test('npm start seeds on first start, keeps the data on the second, and stops cleanly on Ctrl-C', async () => {
  const first = await startHostProcess(dataDir);
  expect(first.output()).toContain('已写入演示数据');
  const submitted = await callHost<{ id: string }>(
    first.url,
    'requests',
    'submit',
    { clientToken: 'start-script-1', category: 'errand', description: '帮忙去社区领一下老年卡', address: '和平苑 5 栋', location: { lat: 30.6532, lng: 104.0816 } },
    'demo-resident-3',
  );
  expect(submitted.ok).toBe(true);
  expect(await stopHostProcess(first, 'SIGINT')).toBe(0);

  const second = await startHostProcess(dataDir);
  expect(second.output()).toContain('使用已有数据');
  const mine = await callHost<{ items: { id: string }[] }>(second.url, 'requests', 'listMine', { limit: 10 }, 'demo-resident-3');
  if (!mine.ok || !submitted.ok) throw new Error('calls failed');
  expect(mine.data.items.map((item) => item.id)).toEqual([submitted.data.id]);
  expect(await stopHostProcess(second, 'SIGTERM')).toBe(0);
});
