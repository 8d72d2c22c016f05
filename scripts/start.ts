import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startHost } from '../src/server/host/http-host';
import { createLocalRuntime } from '../src/server/host/local-runtime';
import { HTTP_FUNCTIONS, SCHEDULER } from '../src/server/host/mounted-functions';
import { setRuntime } from '../src/server/runtime';
import { seedDemoData } from '../src/server/seed/demo-data';

const root = resolve(__dirname, '..');
const dataDir = resolve(process.env.DATA_DIR ?? join(root, '.data'));
const h5Dir = join(root, 'dist', 'h5');
const port = Number(process.env.PORT ?? 3000);

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/** Builds the H5 app when it is missing or older than its sources, so a plain `npm start` is always current. */
function ensureH5Build(): void {
  if (process.env.SKIP_H5_BUILD === '1') return;
  const index = join(h5Dir, 'index.html');
  const sources = Math.max(newestMtime(join(root, 'src')), newestMtime(join(root, 'config')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  console.log('正在构建 H5 应用（首次约 30–60 秒）…');
  const result = spawnSync(process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'h5'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('H5 构建失败，请查看上面的错误信息。');
    process.exit(1);
  }
}

async function main(): Promise<void> {
  ensureH5Build();
  const local = createLocalRuntime({ dataDir });
  setRuntime(local.runtime);
  if (seedDemoData(local.store.db, Date.now())) console.log(`已写入演示数据：${dataDir}`);
  else console.log(`使用已有数据：${dataDir}`);

  const host = await startHost({
    local,
    dataDir,
    functions: HTTP_FUNCTIONS,
    scheduler: SCHEDULER,
    schedulerIntervalMs: Number(process.env.SCHEDULER_INTERVAL_MS ?? 10_000),
    h5Dir,
    port,
  });
  console.log(`\n党员代办 本地运行中：${host.url}/  （PORT=${host.port}，按 Ctrl-C 停止）\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n收到 ${signal}，正在停止…`);
    await host.close();
    local.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
