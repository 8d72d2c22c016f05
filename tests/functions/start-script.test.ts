import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

jest.setTimeout(60_000);

const root = resolve(__dirname, '../..');
let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'daiban-start-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Runs what `npm start` runs, on a free port and a temp data dir, and waits for the printed URL. */
function start(): Promise<Started> {
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), 'scripts/start.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, SKIP_H5_BUILD: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /本地运行中：(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise({ child, url: match[1], output: () => output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`host exited with ${code}:\n${output}`)));
  });
}

function stop(started: Started, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolvePromise) => {
    started.child.once('exit', (code) => resolvePromise(code));
    started.child.kill(signal);
  });
}

async function call(url: string, fn: string, action: string, data: unknown, openid: string) {
  const response = await fetch(`${url}/api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-openid': openid }, body: JSON.stringify({ action, data }) });
  return (await response.json()) as { ok: boolean; data: { id: string; items: { id: string }[] } };
}

test('npm start seeds on first start, keeps the data on the second, and stops cleanly on Ctrl-C', async () => {
  const first = await start();
  expect(first.output()).toContain('已写入演示数据');
  const submitted = await call(
    first.url,
    'requests',
    'submit',
    { clientToken: 'start-script-1', category: 'errand', description: '帮忙去社区领一下老年卡', address: '和平苑 5 栋', location: { lat: 30.6532, lng: 104.0816 } },
    'demo-resident-3',
  );
  expect(submitted.ok).toBe(true);
  expect(await stop(first, 'SIGINT')).toBe(0);

  const second = await start();
  expect(second.output()).toContain('使用已有数据');
  const mine = await call(second.url, 'requests', 'listMine', { limit: 10 }, 'demo-resident-3');
  expect(mine.data.items.map((item) => item.id)).toEqual([submitted.data.id]);
  expect(await stop(second, 'SIGTERM')).toBe(0);
});
