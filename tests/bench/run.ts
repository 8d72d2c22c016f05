/**
 * `npm run bench`: the local host's `requests.submit` throughput and p99 latency at 50
 * concurrent connections, side by side with a bare `node:http` server answering the same JSON.
 *
 * Each server runs in its own child process (see host-server.ts and bare-server.ts); the load
 * generator (autocannon) runs here, in the parent. Both get the same autocannon settings: a
 * warm-up run that is thrown away, then the measured run. Every submit carries a fresh
 * clientToken, so none is deduplicated and each one writes a request, its events, offers and
 * notifications to SQLite. The Markdown table goes to stdout and to tests/bench/results/latest.md.
 */
import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative, resolve } from 'node:path';
import { repairRequest, RESIDENT } from '../support/fixtures';
import { benchCloudbaseRoundTrips } from './cloudbase-round-trips';
import { benchDispatch } from './dispatch';
import { benchDistrict } from './district';
import { benchLedger } from './ledger';
import { benchPackages } from './packages';
import { benchStatistics } from './statistics';
import { isChildMessage, type ChildMessage, type CountMessage, type ParentMessage } from './protocol';

const CONNECTIONS = 50;
const PIPELINING = 1;
const WARMUP_SECONDS = 2;
const MEASURE_SECONDS = 10;
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

const ROOT = resolve(__dirname, '../..');
const RESULTS_FILE = join(__dirname, 'results', 'latest.md');
const PATH = '/api/requests';
const HEADERS = { 'content-type': 'application/json', 'x-openid': RESIDENT };

class BenchFailure extends Error {}

// ---------------------------------------------------------------------------------------------
// Child processes

interface ServerProcess {
  name: string;
  url: string;
  child: ChildProcess;
  dataDir?: string;
}

const running = new Set<ServerProcess>();
const pendingChildren = new Set<ChildProcess>();

function startServer(name: string, script: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = fork(join(__dirname, script), [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  pendingChildren.add(child);
  return new Promise<ServerProcess>((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new BenchFailure(`${name}: not ready after ${READY_TIMEOUT_MS / 1000} s`));
    }, READY_TIMEOUT_MS);
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      pendingChildren.delete(child);
      reject(new BenchFailure(`${name}: exited before it was ready (code ${code}, signal ${signal})`));
    };
    child.once('exit', onExit);
    child.on('message', (message: unknown) => {
      if (!isChildMessage(message) || message.type !== 'ready') return;
      clearTimeout(timer);
      child.off('exit', onExit);
      pendingChildren.delete(child);
      const server: ServerProcess = { name, url: message.url, child, dataDir: message.dataDir };
      running.add(server);
      resolvePromise(server);
    });
  });
}

function ask<T extends ChildMessage['type']>(server: ServerProcess, message: ParentMessage, type: T): Promise<Extract<ChildMessage, { type: T }>> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      server.child.off('message', onMessage);
      reject(new BenchFailure(`${server.name}: no answer to "${message.type}"`));
    }, READY_TIMEOUT_MS);
    const onMessage = (answer: unknown) => {
      if (!isChildMessage(answer) || answer.type !== type) return;
      clearTimeout(timer);
      server.child.off('message', onMessage);
      resolvePromise(answer as Extract<ChildMessage, { type: T }>);
    };
    server.child.on('message', onMessage);
    server.child.send(message);
  });
}

async function countRequests(server: ServerProcess): Promise<number> {
  const answer: CountMessage = await ask(server, { type: 'count' }, 'count');
  return answer.requests;
}

function removeDataDir(server: ServerProcess): void {
  if (server.dataDir) rmSync(server.dataDir, { recursive: true, force: true });
}

/** Ask the child to stop, kill it if it will not, and remove its temp dir either way. */
async function stopServer(server: ServerProcess): Promise<void> {
  const { child } = server;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    if (child.connected) child.send({ type: 'stop' } satisfies ParentMessage);
    else child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }
  removeDataDir(server);
  running.delete(server);
}

/** Last resort, synchronous: used when the bench itself is interrupted. */
function killEverything(): void {
  for (const child of pendingChildren) child.kill('SIGKILL');
  for (const server of running) {
    server.child.kill('SIGKILL');
    removeDataDir(server);
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\nbench: ${signal}, stopping the servers`);
    killEverything();
    process.exit(130);
  });
}
process.on('exit', killEverything);

// ---------------------------------------------------------------------------------------------
// Load

/** A submit body with a placeholder token, split once so each request only concatenates. */
function submitBodyFactory(tag: string): () => string {
  const PLACEHOLDER = '__CLIENT_TOKEN__';
  const [before, after] = JSON.stringify({ action: 'submit', data: repairRequest({ clientToken: PLACEHOLDER }) }).split(PLACEHOLDER);
  let counter = 0;
  return () => {
    counter += 1;
    return `${before}bench-${tag}-${counter}${after}`;
  };
}

interface Measured {
  result: autocannon.Result;
}

function load(url: string, seconds: number, nextBody: () => string): Promise<autocannon.Result> {
  return autocannon({
    url: `${url}${PATH}`,
    method: 'POST',
    connections: CONNECTIONS,
    pipelining: PIPELINING,
    duration: seconds,
    headers: HEADERS,
    requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, body: nextBody() }) }],
  });
}

function checkClean(name: string, phase: string, result: autocannon.Result): void {
  const problems: string[] = [];
  if (result.non2xx > 0) {
    const codes = Object.entries(result.statusCodeStats ?? {})
      .filter(([code]) => !code.startsWith('2'))
      .map(([code, stats]) => `${code}×${stats.count ?? 0}`)
      .join(', ');
    problems.push(`${result.non2xx} non-2xx responses${codes ? ` (${codes})` : ''}`);
  }
  if (result.errors > 0) problems.push(`${result.errors} connection errors (${result.timeouts} timeouts)`);
  if (problems.length > 0) throw new BenchFailure(`${name}, ${phase}: ${problems.join('; ')}. Every response must be 2xx.`);
}

/** Warm up (thrown away), then measure, with the same settings for every server. */
async function measure(name: string, url: string, nextBody: () => string): Promise<Measured & { warmup: autocannon.Result }> {
  console.error(`bench: ${name}: warm-up ${WARMUP_SECONDS} s …`);
  const warmup = await load(url, WARMUP_SECONDS, nextBody);
  checkClean(name, 'warm-up', warmup);
  console.error(`bench: ${name}: measuring ${MEASURE_SECONDS} s at ${CONNECTIONS} connections …`);
  const result = await load(url, MEASURE_SECONDS, nextBody);
  checkClean(name, 'measured run', result);
  return { warmup, result };
}

/** One real submit: must be HTTP 200 with { ok: true }. Its body is what the bare server replays. */
async function submitOnce(url: string, body: string): Promise<string> {
  const response = await fetch(`${url}${PATH}`, { method: 'POST', headers: HEADERS, body });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const ok = typeof parsed === 'object' && parsed !== null && (parsed as { ok?: unknown }).ok === true;
  if (response.status !== 200 || !ok) throw new BenchFailure(`a single submit must answer 200 { ok: true }, got ${response.status}: ${text.slice(0, 300)}`);
  return text;
}

// ---------------------------------------------------------------------------------------------
// Report

const fixed = (value: number, digits: number) => value.toFixed(digits);
const thousands = (value: number) => Math.round(value).toLocaleString('en-US');

function report(host: autocannon.Result, bare: autocannon.Result, facts: { requestBytes: number; responseBytes: number; stored: number }): string {
  const cpus = os.cpus();
  const cpuModel = cpus[0]?.model.trim() ?? 'unknown';
  const throughputRatio = host.requests.average / bare.requests.average;
  const p99Ratio = host.latency.p99 / bare.latency.p99;
  const row = (name: string, r: autocannon.Result) =>
    `| ${name} | ${thousands(r.requests.average)} | ${fixed(r.latency.p50, 1)} | ${fixed(r.latency.p99, 1)} | ${thousands(r['2xx'])} | ${r.non2xx} |`;
  return [
    '## Benchmark: `requests.submit` on the local host vs a bare `node:http` server',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${cpuModel}, ${cpus.length} cores (${os.availableParallelism()} available), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.platform()} ${os.release()} ${os.arch()}`,
    `- Node ${process.version}, autocannon in the parent process, each server in its own child process`,
    `- Load: ${CONNECTIONS} connections, pipelining ${PIPELINING}, ${WARMUP_SECONDS} s warm-up (discarded) + ${MEASURE_SECONDS} s measured, same settings for both servers`,
    `- Request: \`POST ${PATH}\` \`{ action: "submit" }\` as \`demo-resident-1\`, ${facts.requestBytes} B, unique \`clientToken\` each time (${thousands(facts.stored)} requests stored, each dispatched to nearby members)`,
    `- Response: ${facts.responseBytes} B of JSON; the bare server replays one real submit response with the same headers`,
    '',
    '| Server | Requests/s | p50 (ms) | p99 (ms) | 2xx | Non-2xx |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    row('Local host, `requests.submit` (SQLite)', host),
    row('Bare `node:http`, same JSON', bare),
    `| **Host / bare** | **${fixed(throughputRatio, 3)}×** | ${fixed(host.latency.p50 / bare.latency.p50, 1)}× | **${fixed(p99Ratio, 1)}×** | | |`,
    '',
    `The local host serves ${fixed(throughputRatio * 100, 1)}% of the bare server's throughput; its p99 is ${fixed(host.latency.p99, 1)} ms against ${fixed(bare.latency.p99, 1)} ms (${fixed(p99Ratio, 1)}×).`,
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = Date.now();
  const nextBody = submitBodyFactory(`${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`);
  const requestBytes = Buffer.byteLength(nextBody());

  // Server A: the real local host.
  console.error('bench: starting the local host …');
  const hostServer = await startServer('local host', 'host-server.ts');
  let hostRun: Measured & { warmup: autocannon.Result };
  let responseText: string;
  let stored: number;
  try {
    const before = await countRequests(hostServer);
    responseText = await submitOnce(hostServer.url, nextBody());
    hostRun = await measure('local host', hostServer.url, nextBody);
    stored = (await countRequests(hostServer)) - before;
    const answered = 1 + hostRun.warmup['2xx'] + hostRun.result['2xx'];
    if (stored < answered) throw new BenchFailure(`local host: ${answered} submits answered 2xx but only ${stored} requests were stored — clientTokens were deduplicated`);
  } finally {
    await stopServer(hostServer);
  }

  // Server B: the bare baseline, replaying the real response.
  console.error('bench: starting the bare node:http server …');
  const bareServer = await startServer('bare node:http', 'bare-server.ts', { BENCH_BARE_BODY: responseText });
  let bareRun: Measured;
  try {
    const echoed = await submitOnce(bareServer.url, nextBody());
    if (echoed !== responseText) throw new BenchFailure('bare node:http: does not answer with the captured submit response');
    bareRun = await measure('bare node:http', bareServer.url, nextBody);
  } finally {
    await stopServer(bareServer);
  }

  console.error('bench: generating the district dataset …');
  const district = await benchDistrict();
  console.error('bench: dispatch over 100,000 members …');
  const dispatch = await benchDispatch();
  console.error('bench: points ledger postings vs raw SQLite …');
  const ledger = await benchLedger();
  console.error('bench: district statistics over a year of requests …');
  const statistics = await benchStatistics();
  console.error('bench: CloudBase round trips of every action, demo, busy and district …');
  const roundTrips = await benchCloudbaseRoundTrips();
  console.error('bench: cloud function bundles and mini-program packages …');
  const packages = await benchPackages();

  const markdown = `${report(hostRun.result, bareRun.result, { requestBytes, responseBytes: Buffer.byteLength(responseText), stored })}\n${roundTrips}\n${district}\n${dispatch}\n${ledger}\n${statistics}\n${packages}`;
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(RESULTS_FILE, markdown);
  console.log(`\n${markdown}`);
  console.error(`bench: written to ${relative(ROOT, RESULTS_FILE)} in ${fixed((Date.now() - started) / 1000, 1)} s`);
}

main().catch((error: unknown) => {
  killEverything();
  console.error(`\nbench FAILED: ${error instanceof BenchFailure ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
