import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { requiredPackages } from '../../scripts/build-functions';
import { functionConfigJson, functionSpec } from '../../scripts/cloud-functions';

const ROOT = resolve(__dirname, '../..');
const FUNCTIONS = resolve(__dirname, '../../cloudfunctions');
const NAMES = ['requests', 'points', 'community', 'service', 'ledgers', 'reports', 'deliberations', 'scheduler'];
/** A cold start that takes longer than this, or never exits, is a failure, not a slow pass. */
const CHILD_TIMEOUT_MS = 20_000;

interface Envelope {
  ok: boolean;
  error: { code: string; message: string };
}

/** Requires the bundle in a fresh Node with only PATH (plus `extraEnv`) and calls main once. */
function callBundle(bundle: string, event: unknown, extraEnv: Record<string, string> = {}): Envelope {
  const script = `require(${JSON.stringify(bundle)}).main(${JSON.stringify(event)}, {}).then((r) => process.stdout.write(JSON.stringify(r)))`;
  const output = execFileSync(process.execPath, ['-e', script], { env: { PATH: process.env.PATH ?? '', ...extraEnv }, encoding: 'utf8', timeout: CHILD_TIMEOUT_MS });
  return JSON.parse(output) as Envelope;
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
    expect(Object.keys(manifest.dependencies).sort()).toEqual(required);
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
});

test('the thin entries the local host and the tests import never load the CloudBase runtime or its SDKs', () => {
  // A fresh Node with tsx, as the host runs: positive control first, so an empty answer means something.
  const loaded = (entries: string[]): string[] => {
    const script = `for (const entry of ${JSON.stringify(entries)}) require(entry); process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((key) => /node_modules\\/(@cloudbase|wx-server-sdk)\\/|adapters\\/cloudbase\\//.test(key))))`;
    return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: CHILD_TIMEOUT_MS })) as string[];
  };
  expect(loaded([join(ROOT, 'src/server/adapters/cloudbase/install-runtime.ts')])).toEqual(expect.arrayContaining([expect.stringContaining('@cloudbase/node-sdk')]));
  expect(loaded(NAMES.map((name) => join(FUNCTIONS, name, 'index.ts')))).toEqual([]);
});
