import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { requiredPackages, UNDECLARED_DEPENDENCIES } from '../../scripts/build-functions';
import { functionLockfile, resolveInstalled, type Lockfile } from '../../scripts/function-lockfile';
import { functionConfigJson, functionSpec } from '../../scripts/cloud-functions';

const ROOT = resolve(__dirname, '../..');
const FUNCTIONS = resolve(__dirname, '../../cloudfunctions');
const NAMES = ['requests', 'points', 'community', 'service', 'ledgers', 'reports', 'deliberations', 'scheduler'];
/** A cold start that takes longer than this, or never exits, is a failure, not a slow pass. */
const CHILD_TIMEOUT_MS = 20_000;
const ROOT_LOCK = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as Lockfile;

interface Envelope {
  ok: boolean;
  error: { code: string; message: string };
}

/** Requires the bundle in a fresh Node with only PATH (plus `extraEnv`) and calls main once. */
function callBundle(bundle: string, event: unknown, extraEnv: Record<string, string> = {}): Envelope {
  const script = `require(${JSON.stringify(bundle)}).main(${JSON.stringify(event)}, {}).then((r) => process.stdout.write(JSON.stringify(r)))`;
  const output = execFileSync(process.execPath, ['-e', script], { env: { PATH: process.env.PATH ?? '', ...extraEnv }, encoding: 'utf8', timeout: CHILD_TIMEOUT_MS });
  return JSON.parse(lastLine(output)) as Envelope;
}

/** The child's answer is its last line; anything before it is what the function logged. */
function lastLine(output: string): string {
  return output.trim().split('\n').pop() ?? '';
}

function installedVersion(pkg: string): string {
  return (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
}

describe.each(NAMES)('cloudfunctions/%s bundle', (name) => {
  const bundle = join(FUNCTIONS, name, 'index.js');

  test('is built and carries no local-only code', () => {
    expect(existsSync(bundle)).toBe(true);
    const code = readFileSync(bundle, 'utf8');
    expect(code).not.toContain('better-sqlite3');
    expect(code).not.toContain('x-openid');
  });

  test('loads in plain Node without credentials and answers with the envelope', () => {
    // Without a configured runtime the function must start and fail at the first call with a clear error.
    const script = `require(${JSON.stringify(bundle)}).main({ action: 'me', data: {} }, {}).then((r) => process.stdout.write(JSON.stringify(r)))`;
    const output = execFileSync(process.execPath, ['-e', script], { env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    const envelope = JSON.parse(output) as { ok: boolean; error: { code: string; message: string } };
    expect(envelope.ok).toBe(false);
    expect(envelope.error.code).toMatch(/^(INTERNAL|FORBIDDEN)$/);
    expect(envelope.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  test('outside CloudBase, any call answers INTERNAL saying it is not running in CloudBase (cold start works, no crash, no hang)', () => {
    const envelope = callBundle(bundle, { action: 'x', data: {} });
    expect(envelope).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('未运行在云开发环境中') } });
  });

  test('its cold start installs the CloudBase runtime (with platform keys present, the call reaches the router)', () => {
    // Fake keys: nothing here touches the network. Without the runtime installed, the answer would be "服务尚未配置运行环境".
    const envelope = callBundle(bundle, { action: 'x', data: {} }, { TENCENTCLOUD_SECRETID: 'fake-id', TENCENTCLOUD_SECRETKEY: 'fake-key' });
    expect(envelope.ok).toBe(false);
    if (name === 'scheduler') expect(envelope.error).toEqual({ code: 'FORBIDDEN', message: '定时任务只能由定时触发器调用' });
    else expect(envelope.error).toEqual({ code: 'NOT_FOUND', message: '未知的操作：x' });
  });

  test('package.json lists exactly the packages the bundle requires, pinned to the tested versions', () => {
    const required = requiredPackages(readFileSync(bundle, 'utf8'));
    const manifest = JSON.parse(readFileSync(join(FUNCTIONS, name, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string> };
    expect(manifest.main).toBe('index.js');
    // What the bundle requires, plus what those packages require without declaring it (mime-db for wx-server-sdk).
    const undeclared = required.flatMap((pkg) => UNDECLARED_DEPENDENCIES[pkg] ?? []);
    expect(Object.keys(manifest.dependencies).sort()).toEqual([...new Set([...required, ...undeclared])].sort());
    for (const pkg of undeclared) expect(manifest.dependencies[pkg]).toBe(installedVersion(pkg));
    expect(required).toContain('@cloudbase/node-sdk');
    for (const pkg of required) {
      expect(['@cloudbase/node-sdk', 'wx-server-sdk', 'exceljs']).toContain(pkg);
      expect(manifest.dependencies[pkg]).toBe(installedVersion(pkg));
    }
    if (required.includes('wx-server-sdk')) expect(manifest.dependencies['wx-server-sdk']).toBe('4.0.2');
    if (name === 'reports') expect(required).toContain('exceljs');
    else expect(required).not.toContain('exceljs');
  });

  test('config.json declares its cloud-call APIs (and the scheduler its timer)', () => {
    const config = JSON.parse(readFileSync(join(FUNCTIONS, name, 'config.json'), 'utf8')) as { permissions: { openapi: string[] }; triggers?: unknown[] };
    expect(config).toEqual(functionConfigJson(functionSpec(name)));
    if (name === 'scheduler') {
      expect(config.permissions.openapi).toContain('subscribeMessage.send');
      expect(config.triggers).toEqual([{ name: 'scheduler-timer', type: 'timer', config: '0 * * * * * *' }]);
    } else {
      expect(config.triggers).toBeUndefined();
    }
    if (name === 'community') expect(config.permissions.openapi).toContain('wxacode.getUnlimited');
    if (['requests', 'deliberations', 'community', 'ledgers'].includes(name)) expect(config.permissions.openapi).toContain('security.msgSecCheck');
  });

  test('package-lock.json pins everything its dependencies reach, exactly as the repository lock (what the tests ran on) has it', () => {
    const manifest = JSON.parse(readFileSync(join(FUNCTIONS, name, 'package.json'), 'utf8')) as { name: string; version: string; dependencies: Record<string, string> };
    const lock = JSON.parse(readFileSync(join(FUNCTIONS, name, 'package-lock.json'), 'utf8')) as Lockfile;
    expect(lock).toMatchObject({ name, version: manifest.version, lockfileVersion: 3 });
    // npm ci refuses a lock whose root disagrees with package.json.
    expect(lock.packages['']).toEqual({ name, version: manifest.version, dependencies: manifest.dependencies });
    const entries = Object.entries(lock.packages).filter(([path]) => path !== '');
    expect(entries.length).toBeGreaterThan(Object.keys(manifest.dependencies).length);
    for (const [path, entry] of entries) {
      const tested = ROOT_LOCK.packages[path];
      expect({ path, version: entry.version, integrity: entry.integrity }).toEqual({ path, version: tested?.version, integrity: tested?.integrity });
      expect(entry.dev).toBeUndefined();
      // Every dependency of a locked package resolves inside the lock, as npm will lay it out.
      for (const dependency of Object.keys(entry.dependencies ?? {})) expect({ path, dependency, found: resolveInstalled(lock.packages, path, dependency) !== null }).toEqual({ path, dependency, found: true });
    }
    expect(lock).toEqual(functionLockfile(name, manifest.version, manifest.dependencies, ROOT_LOCK));
  });

  test('loads and answers where only the packages of its own lockfile can be resolved (as the cloud installs it)', () => {
    const dir = isolatedInstall(name);
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
      const script = [
        // Nothing outside this folder: a package missing from the lock cannot be found in the repository's node_modules.
        `const outside = (() => { try { require.resolve('better-sqlite3'); return true; } catch { return false; } })();`,
        `for (const pkg of ${JSON.stringify(Object.keys(manifest.dependencies))}) require(pkg);`,
        `const bundle = require('./index.js');`,
        `Promise.all([bundle.main({ action: 'x', data: {} }, {}), bundle.main({ probe: 'cloud-calls' }, {})])`,
        `  .then(([sample, probe]) => process.stdout.write(JSON.stringify({ outside, sample, probe, loaded: Object.keys(require.cache).filter((key) => !key.startsWith(${JSON.stringify(dir)})).length })));`,
      ].join('\n');
      const output = execFileSync(process.execPath, ['--preserve-symlinks', '-e', script], {
        cwd: dir,
        // HOME inside the folder: no global ~/.node_modules either. A mini-program user's OPENID, so the probe is refused before any call.
        env: { PATH: process.env.PATH ?? '', HOME: dir, TENCENTCLOUD_SECRETID: 'fake-id', TENCENTCLOUD_SECRETKEY: 'fake-key', WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_OPENID: 'o-user-openid', WX_APPID: 'wx0123456789abcdef' },
        encoding: 'utf8',
        timeout: CHILD_TIMEOUT_MS,
      });
      const answer = JSON.parse(lastLine(output)) as { outside: boolean; sample: Envelope; probe: Envelope; loaded: number };
      expect(answer.outside).toBe(false);
      expect(answer.loaded).toBe(0);
      if (name === 'scheduler') {
        expect(answer.sample.error).toEqual({ code: 'FORBIDDEN', message: '定时任务只能由定时触发器调用' });
        // The refusal is logged with its reason and count.
        expect(output).toMatch(/scheduler call refused as not from its timer: called by a mini-program user.*1 refused since this instance started/);
      } else expect(answer.sample.error).toEqual({ code: 'NOT_FOUND', message: '未知的操作：x' });
      expect(answer.probe).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '部署自检只能由部署脚本调用' } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('the isolated install really isolates: without the undeclared mime-db, wx-server-sdk cannot load there (though it can in the repository)', () => {
  const dir = isolatedInstall('requests');
  try {
    unlinkSync(join(dir, 'node_modules', 'mime-db'));
    const run = spawnSync(process.execPath, ['--preserve-symlinks', '-e', "require('wx-server-sdk')"], { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: dir }, encoding: 'utf8', timeout: CHILD_TIMEOUT_MS });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("Cannot find module 'mime-db'");
    expect(spawnSync(process.execPath, ['-e', "require('wx-server-sdk')"], { cwd: ROOT, encoding: 'utf8', timeout: CHILD_TIMEOUT_MS }).status).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * The function as the cloud installs it: its index.js and package.json, and a node_modules holding
 * exactly the top-level packages of its lockfile (linked from this repository's install; nested ones
 * come with them). Run with --preserve-symlinks, so a package's own requires resolve here too.
 */
function isolatedInstall(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `daiban-fn-${name}-`));
  for (const file of ['index.js', 'package.json']) copyFileSync(join(FUNCTIONS, name, file), join(dir, file));
  const lock = JSON.parse(readFileSync(join(FUNCTIONS, name, 'package-lock.json'), 'utf8')) as Lockfile;
  for (const path of Object.keys(lock.packages)) {
    if (path === '' || path.slice('node_modules/'.length).includes('/node_modules/')) continue;
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(join(ROOT, path), target, 'dir');
  }
  return dir;
}

test('the thin entries the local host and the tests import never load the CloudBase runtime or its SDKs', () => {
  // A fresh Node with tsx, as the host runs: positive control first, so an empty answer means something.
  const loaded = (entries: string[]): string[] => {
    const script = `for (const entry of ${JSON.stringify(entries)}) require(entry); process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((key) => /node_modules\\/(@cloudbase|wx-server-sdk)\\/|adapters\\/cloudbase\\//.test(key))))`;
    return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: CHILD_TIMEOUT_MS })) as string[];
  };
  expect(loaded([join(ROOT, 'src/server/adapters/cloudbase/install-runtime.ts')])).toEqual(expect.arrayContaining([expect.stringContaining('@cloudbase/node-sdk')]));
  expect(loaded(NAMES.map((name) => join(FUNCTIONS, name, 'index.ts')))).toEqual([]);
});
