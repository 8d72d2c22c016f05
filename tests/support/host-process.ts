import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { Envelope } from '../../src/shared/errors';

const root = resolve(__dirname, '../..');

export interface HostProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Runs what `npm start` runs, in its own process, on a free port and the given data dir; resolves once it prints its URL. */
export function startHostProcess(dataDir: string, env: Record<string, string> = {}): Promise<HostProcess> {
  // One process (tsx as a loader, not its CLI, which would run the host in a grandchild a SIGKILL cannot reach).
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, SKIP_H5_BUILD: '1', NODE_ENV: 'production', ...env },
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

/** Sends a signal and resolves with the exit code (null when killed by the signal). */
export function stopHostProcess(host: HostProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (host.child.exitCode !== null || host.child.signalCode !== null) return Promise.resolve(host.child.exitCode);
  return new Promise((resolvePromise) => {
    host.child.once('exit', (code) => resolvePromise(code));
    host.child.kill(signal);
  });
}

/** One call over HTTP, as the app makes it. */
export async function callHost<T = unknown>(url: string, fn: string, action: string, data: unknown, openid: string): Promise<Envelope<T>> {
  const response = await fetch(`${url}/api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-openid': openid }, body: JSON.stringify({ action, data }) });
  return (await response.json()) as Envelope<T>;
}

/** Like callHost, but throws unless the call succeeded. */
export async function okHost<T = unknown>(url: string, fn: string, action: string, data: unknown, openid: string): Promise<T> {
  const result = await callHost<T>(url, fn, action, data, openid);
  if (!result.ok) throw new Error(`${fn}.${action} failed: ${result.error.code} ${result.error.message}`);
  return result.data;
}
