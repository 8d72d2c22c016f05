import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { releaseBuildProblem } from '../../config/release';
import { CLOUD_FUNCTIONS, FUNCTION_RUNTIME, functionSpec } from '../../scripts/cloud-functions';
import { checkBuiltWeapp } from '../../scripts/upload-weapp';
import type { CloudCallApi, ProbeCheck } from '../../src/server/adapters/cloudbase/wechat/cloud-call-probe';
import { startFakeTcbApi, type FakeTcbApi } from '../support/fake-tcb-api';
import { cronProblem, SUPPORTED_NODEJS_RUNTIMES } from './cloudbase-rules';
import { planCommunity, writeCommunity, type CommunityArgs } from '../../scripts/create-community';
import { createTestWorld, fingerprint, type TestWorld } from '../support/test-runtime';

const ROOT = resolve(__dirname, '../..');
const FUNCTIONS = join(ROOT, 'cloudfunctions');
const FUNCTION_DIRS = readdirSync(FUNCTIONS).filter((name) => existsSync(join(FUNCTIONS, name, 'index.ts'))).sort();

interface RcFunction {
  name: string;
  timeout: number;
  runtime: string;
  handler: string;
  installDependency: boolean;
  memorySize: number;
  envVariables?: Record<string, string>;
  triggers?: { name: string; type: string; config: string }[];
}
interface Rc {
  version: string;
  envId: string;
  functionRoot: string;
  functions: RcFunction[];
}

const rc = JSON.parse(readFileSync(join(ROOT, 'cloudbaserc.json'), 'utf8')) as Rc;

/** Runs one of the scripts in a fresh Node with only PATH and the given variables: no cloud keys leak in from this machine. */
function runScript(script: string, args: string[], env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', script), ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, without blocking this process (the fake API it talks to runs here). */
function runScriptAsync(script: string, args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', script), ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

describe('cloudbaserc.json', () => {
  test('names exactly the functions in cloudfunctions/, and each has a config.json', () => {
    expect(rc.functions.map((fn) => fn.name).sort()).toEqual(FUNCTION_DIRS);
    expect(CLOUD_FUNCTIONS.map((spec) => spec.name).sort()).toEqual(FUNCTION_DIRS);
    for (const name of FUNCTION_DIRS) expect(existsSync(join(FUNCTIONS, name, 'config.json'))).toBe(true);
  });

  test('is a 2.0 config whose environment and secrets come from the deployer\'s environment', () => {
    expect(rc.version).toBe('2.0');
    expect(rc.envId).toBe('{{env.TCB_ENV_ID}}');
    expect(rc.functionRoot).toBe('./cloudfunctions');
    expect(readFileSync(join(ROOT, 'cloudbaserc.json'), 'utf8')).not.toMatch(/"[^"{]*(secret|key)[^"]*":\s*"[^{]/i);
  });

  test.each(FUNCTION_DIRS)('%s: runtime, handler, dependencies, timeout, memory, env variables and triggers agree with scripts/cloud-functions.ts', (name) => {
    const fn = rc.functions.find((candidate) => candidate.name === name) as RcFunction;
    const spec = functionSpec(name);
    expect(fn).toMatchObject({ runtime: 'Nodejs18.15', handler: 'index.main', installDependency: true, timeout: spec.timeout, memorySize: spec.memorySize });
    if (name === 'reports') expect(fn.timeout).toBe(60);
    else {
      expect(fn.timeout).toBeGreaterThanOrEqual(10);
      expect(fn.timeout).toBeLessThanOrEqual(20);
    }
    expect(fn.envVariables ?? {}).toEqual(Object.fromEntries(spec.env.map((variable) => [variable, `{{env.${variable}}}`])));
    expect(fn.triggers ?? []).toEqual(spec.triggers ?? []);
  });

  test('the scheduler fires every minute from a 7-field timer', () => {
    const scheduler = rc.functions.find((fn) => fn.name === 'scheduler') as RcFunction;
    expect(scheduler.triggers).toEqual([{ name: 'scheduler-timer', type: 'timer', config: '0 * * * * * *' }]);
    expect(scheduler.triggers?.[0].config.split(' ')).toHaveLength(7);
  });

  test('every runtime is one the CloudBase CLI 2.12.10 deploys for Node, and the one the bundles are built for', () => {
    for (const fn of rc.functions) {
      expect(SUPPORTED_NODEJS_RUNTIMES).toContain(fn.runtime);
      expect(fn.runtime).toBe(FUNCTION_RUNTIME);
    }
    // esbuild targets node18 (scripts/build-functions.ts): the runtime must run what it emits.
    expect(readFileSync(join(ROOT, 'scripts/build-functions.ts'), 'utf8')).toContain(`target: 'node${/^Nodejs(\d+)\./.exec(FUNCTION_RUNTIME)?.[1]}'`);
  });

  test('every timer is a valid 7-field cron (second minute hour day month weekday year)', () => {
    const timers = rc.functions.flatMap((fn) => fn.triggers ?? []);
    expect(timers.length).toBeGreaterThan(0);
    for (const timer of timers) {
      expect(timer.type).toBe('timer');
      expect({ config: timer.config, problem: cronProblem(timer.config) }).toEqual({ config: timer.config, problem: null });
    }
    // The checker itself catches the usual mistakes.
    expect(cronProblem('* * * * *')).toMatch(/7/);
    expect(cronProblem('0 * * * * *')).toMatch(/7/);
    expect(cronProblem('60 * * * * * *')).toMatch(/秒/);
    expect(cronProblem('0 0 25 * * * *')).toMatch(/小时/);
    expect(cronProblem('0 0 9 1 * MON *')).toMatch(/日和星期/);
    expect(cronProblem('0 */5 * * * * *')).toBeNull();
    expect(cronProblem('0 30 9 * 1 MON-FRI 2026')).toBeNull();
    expect(cronProblem('0 0 2 1-5,15 * * *')).toBeNull();
  });
});

describe('project.config.json', () => {
  test('points WeChat DevTools at the weapp build and the cloud functions', () => {
    const config = JSON.parse(readFileSync(join(ROOT, 'project.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config.miniprogramRoot).toBe('dist/weapp/');
    expect(config.cloudfunctionRoot).toBe('cloudfunctions/');
    expect(config.compileType).toBe('miniprogram');
  });
});

describe('npm run deploy', () => {
  const env = {
    TCB_ENV_ID: 'prod-test123',
    TCB_SECRET_ID: 'AKIDtestSecretId000',
    TCB_SECRET_KEY: 'testSecretKeyValue000',
    POINTS_SIGNING_KEY: 'k'.repeat(32),
    WX_APPID: 'wx0123456789abcdef',
    WX_PRIVATE_KEY_PATH: '/keys/private.wx0123456789abcdef.key',
  };
  const cloudCalling = CLOUD_FUNCTIONS.filter((spec) => spec.openapi.length > 0);

  test('--dry-run prints the build, the login, one forced deploy per function, the WeChat upload of each cloud-calling function, the database and the probe, and never a secret', () => {
    const { status, stdout } = runScript('deploy.ts', ['--dry-run'], env);
    expect(status).toBe(0);
    const commands = stdout.split('\n').filter((line) => /^(npm|npx) /.test(line));
    const tcb = 'npx --yes --package=@cloudbase/cli@2.12.10 tcb';
    expect(commands).toEqual([
      'npm run build:functions',
      `${tcb} login --apiKeyId **** --apiKey ****`,
      ...rc.functions.map((fn) => `${tcb} fn deploy ${fn.name} -e prod-test123 --force --yes`),
      ...cloudCalling.map(
        (spec) =>
          `npx --yes miniprogram-ci@2.1.42 cloud functions upload --pp . --pkp /keys/private.wx0123456789abcdef.key --appid wx0123456789abcdef --env prod-test123 --name ${spec.name} --path cloudfunctions/${spec.name} --remote-npm-install true`,
      ),
      'npm run setup-database',
    ]);
    expect(cloudCalling.map((spec) => spec.name).sort()).toEqual(['community', 'deliberations', 'ledgers', 'requests', 'scheduler']);
    expect(stdout).toContain('# 自检 / probe: requests（security.msgSecCheck）');
    expect(stdout).toContain('{"probe":"cloud-calls"}');
    expect(stdout).not.toContain(env.TCB_SECRET_ID);
    expect(stdout).not.toContain(env.TCB_SECRET_KEY);
    expect(stdout).not.toContain(env.POINTS_SIGNING_KEY);
  });

  test('the version settings default to the released version, take trial while testing, and refuse anything else', () => {
    expect(runScript('deploy.ts', ['--dry-run'], env).stdout).toContain('WX_MINIPROGRAM_STATE=formal  WX_ENV_VERSION=release');
    expect(runScript('deploy.ts', ['--dry-run'], { ...env, WX_MINIPROGRAM_STATE: 'trial', WX_ENV_VERSION: 'trial' }).stdout).toContain('WX_MINIPROGRAM_STATE=trial  WX_ENV_VERSION=trial');
    const refused = runScript('deploy.ts', ['--dry-run'], { ...env, WX_ENV_VERSION: 'beta' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('WX_ENV_VERSION=beta 不对，应为 release / trial / develop 之一');
    expect(refused.stdout).not.toContain('npm run build:functions');
  });

  test('--dry-run of one function deploys, uploads and probes only that one (none of the last two for a function without cloud calls)', () => {
    const points = runScript('deploy.ts', ['--dry-run', 'points'], env);
    expect(points.status).toBe(0);
    expect(points.stdout.split('\n').filter((line) => line.includes(' fn deploy '))).toEqual(['npx --yes --package=@cloudbase/cli@2.12.10 tcb fn deploy points -e prod-test123 --force --yes']);
    expect(points.stdout).not.toContain('cloud functions upload');
    expect(points.stdout).not.toContain('# 自检');
    const community = runScript('deploy.ts', ['--dry-run', 'community'], env);
    expect(community.stdout.split('\n').filter((line) => line.includes('cloud functions upload'))).toHaveLength(1);
    expect(community.stdout).toContain('# 自检 / probe: community（wxacode.getUnlimited、security.msgSecCheck）');
  });

  test('refuses, naming every missing or weak variable in Chinese and English, before running anything', () => {
    const { status, stdout, stderr } = runScript('deploy.ts', ['--dry-run'], { POINTS_SIGNING_KEY: 'too-short' });
    expect(status).toBe(1);
    expect(stdout).not.toContain('npm run build:functions');
    for (const name of ['TCB_ENV_ID', 'TCB_SECRET_ID', 'TCB_SECRET_KEY', 'WX_APPID', 'WX_PRIVATE_KEY_PATH']) {
      expect(stderr).toContain(`缺少环境变量 ${name}`);
      expect(stderr).toContain(`Missing ${name}.`);
    }
    expect(stderr).toContain('POINTS_SIGNING_KEY 太短');
    expect(stderr).toContain('at least 32');
  });

  test('refuses a signing key that would break cloudbaserc.json', () => {
    const { status, stderr } = runScript('deploy.ts', ['--dry-run'], { ...env, POINTS_SIGNING_KEY: `${'k'.repeat(32)}"` });
    expect(status).toBe(1);
    expect(stderr).toContain('POINTS_SIGNING_KEY 的格式不对');
  });

  test('refuses an unknown function name', () => {
    const { status, stderr } = runScript('deploy.ts', ['--dry-run', 'nope'], env);
    expect(status).toBe(1);
    expect(stderr).toContain('没有这些云函数：nope');
  });
});

/**
 * `npm run deploy -- --probe-only`: the real manager-node invokes each function through SCF's Invoke
 * (signed, over TLS through a local proxy to the fake); the fake answers as the deployed bundles would.
 */
describe('npm run deploy -- --probe-only (real manager-node, SCF Invoke against the fake API)', () => {
  const credentials = { envId: 'prod-test123', secretId: 'AKIDtestSecretId000', secretKey: 'testSecretKeyValue000' };
  let api: FakeTcbApi;
  let answers: Map<string, (event: unknown) => unknown>;
  let invoked: { name: string; event: unknown }[];

  const ok = (name: string, checks: ProbeCheck[]) => ({ ok: true, data: { function: name, checks } });
  const passing = (name: string) =>
    ok(
      name,
      (functionSpec(name).openapi as readonly CloudCallApi[]).map((api) => ({ api, status: 'ok' as const, code: 40003, detail: '已到达微信' })),
    );

  beforeEach(async () => {
    invoked = [];
    answers = new Map(CLOUD_FUNCTIONS.map((spec) => [spec.name, () => passing(spec.name)]));
    api = await startFakeTcbApi({
      ...credentials,
      invoke: (name, event) => {
        invoked.push({ name, event });
        return (answers.get(name) as (event: unknown) => unknown)(event);
      },
    });
  });
  afterEach(() => api.close());

  const probe = (args: string[] = []) =>
    runScriptAsync('deploy.ts', ['--probe-only', ...args], {
      TCB_ENV_ID: credentials.envId,
      TCB_SECRET_ID: credentials.secretId,
      TCB_SECRET_KEY: credentials.secretKey,
      TCB_BASE_URL: api.url,
      http_proxy: api.proxyUrl,
      NODE_EXTRA_CA_CERTS: api.caFile,
    });

  test('every cloud-calling function is invoked once with the probe event, signed for SCF; all passing, the deploy passes', async () => {
    const run = await probe();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(invoked.map((call) => call.name).sort()).toEqual(['community', 'deliberations', 'ledgers', 'requests', 'scheduler']);
    for (const call of invoked) expect(call.event).toEqual({ probe: 'cloud-calls' });
    const invokes = api.calls.filter((call) => call.action === 'Invoke');
    expect(invokes.every((call) => call.service === 'scf' && call.body.Namespace === credentials.envId)).toBe(true);
    expect(run.stdout).toContain('community · wxacode.getUnlimited: ok');
    expect(run.stdout).toContain('云调用自检通过');
  }, 60_000);

  test('-604101 fails loudly: which function, which API, what it breaks and what to do', async () => {
    answers.set('community', () =>
      ok('community', [
        { api: 'wxacode.getUnlimited', status: 'no_permission', code: -604101, detail: '没有 wxacode.getUnlimited 的云调用权限（-604101）' },
        { api: 'security.msgSecCheck', status: 'ok', code: 40003, detail: '已到达微信' },
      ]),
    );
    const run = await probe();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('云调用自检没有通过');
    expect(run.stderr).toContain('云函数 community 没有 wxacode.getUnlimited 的云调用权限（-604101）');
    expect(run.stderr).toContain('二维码都生成不了');
    expect(run.stderr).toContain('上传并部署：云端安装依赖');
    expect(run.stderr).toContain('npm run deploy -- --probe-only');
    expect(run.stderr).toContain('prod-test123');
  }, 60_000);

  test('a misconfigured template, a refused probe or a crashed function fails too; what cannot be verified only warns', async () => {
    answers.set('scheduler', () =>
      ok('scheduler', [
        { api: 'subscribeMessage.send', status: 'unverifiable', code: -604104, detail: '这种调用方式不能发起云调用（-604104）' },
        { api: 'subscribeMessage.getTemplateList', status: 'misconfigured', code: 0, detail: 'task 的模板 t1 不在小程序的“我的模板”里' },
      ]),
    );
    answers.set('requests', () => ({ ok: false, error: { code: 'FORBIDDEN', message: '部署自检只能由部署脚本调用' } }));
    answers.set('ledgers', () => new Error('Cannot find module mime-db'));
    const run = await probe();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('scheduler 的 subscribeMessage.getTemplateList 配置有误');
    expect(run.stderr).toContain('云函数 requests 拒绝了自检');
    expect(run.stderr).toContain('调用云函数 ledgers 自检失败');
    expect(run.stderr).toContain('Cannot find module mime-db');
    expect(run.stderr).toContain('无法在部署机上确认 scheduler 的 subscribeMessage.send');

    answers.set('scheduler', () => ok('scheduler', [
      { api: 'subscribeMessage.send', status: 'unverifiable', code: -604104, detail: '这种调用方式不能发起云调用（-604104）' },
      { api: 'subscribeMessage.getTemplateList', status: 'ok', code: 0, detail: '一致' },
    ]));
    answers.set('requests', () => passing('requests'));
    answers.set('ledgers', () => passing('ledgers'));
    const warned = await probe();
    expect(warned.status).toBe(0);
    expect(warned.stderr).toContain('无法在部署机上确认 scheduler 的 subscribeMessage.send');
  }, 60_000);

  test('an old deployment that does not probe what its config.json declares fails; a wrong key is reported', async () => {
    answers.set('community', () => ({ ok: false, error: { code: 'NOT_FOUND', message: '未知的操作：undefined' } }));
    answers.set('ledgers', () => ok('ledgers', []));
    const stale = await probe(['community', 'ledgers']);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('云函数 community 拒绝了自检（NOT_FOUND');
    expect(stale.stderr).toContain('云函数 ledgers 没有检查 security.msgSecCheck');
    expect(invoked.map((call) => call.name)).toEqual(['community', 'ledgers']);

    const wrongKey = await runScriptAsync('deploy.ts', ['--probe-only', 'requests'], {
      TCB_ENV_ID: credentials.envId,
      TCB_SECRET_ID: credentials.secretId,
      TCB_SECRET_KEY: 'someOtherSecretKey000',
      TCB_BASE_URL: api.url,
      http_proxy: api.proxyUrl,
      NODE_EXTRA_CA_CERTS: api.caFile,
    });
    expect(wrongKey.status).toBe(1);
    expect(wrongKey.stderr).toContain('AuthFailure.SignatureFailure');
  }, 60_000);
});

describe('npm run preview:weapp / upload:weapp', () => {
  const env = { TCB_ENV_ID: 'prod-test123', WX_APPID: 'wx0123456789abcdef', WX_PRIVATE_KEY_PATH: '/keys/private.wx0123456789abcdef.key' };

  test('--dry-run makes the production build for the environment, then previews dist/weapp with miniprogram-ci into a QR code image', () => {
    const { status, stdout } = runScript('upload-weapp.ts', ['preview', '--dry-run', '--version', '1.2.3', '--desc', '试运行'], env);
    expect(status).toBe(0);
    const commands = stdout.split('\n').filter((line) => /^(npm|npx) /.test(line));
    expect(commands).toEqual([
      'npm run build:weapp:release',
      "npx --yes miniprogram-ci@2.1.42 preview --pp dist/weapp --pkp /keys/private.wx0123456789abcdef.key --appid wx0123456789abcdef --uv 1.2.3 --ud '试运行' -r 1 --use-project-config true --qrcode-format image --qrcode-output-dest dist/preview-qrcode.jpg",
    ]);
    expect(stdout).toContain('环境 / environment: prod-test123');
  });

  test('--dry-run uploads a version with its description, after the production build', () => {
    const { status, stdout } = runScript('upload-weapp.ts', ['upload', '--dry-run', '--version', '1.0.0', '--desc', 'first'], env);
    expect(status).toBe(0);
    expect(stdout.split('\n').filter((line) => /^(npm|npx) /.test(line))).toEqual([
      'npm run build:weapp:release',
      'npx --yes miniprogram-ci@2.1.42 upload --pp dist/weapp --pkp /keys/private.wx0123456789abcdef.key --appid wx0123456789abcdef --uv 1.0.0 --ud first -r 1 --use-project-config true',
    ]);
  });

  test.each([['upload'], ['preview']])('%s refuses an empty TCB_ENV_ID with a clear Chinese message, before building anything', (mode) => {
    for (const envId of [undefined, '', '   ']) {
      const { status, stdout, stderr } = runScript('upload-weapp.ts', [mode, '--dry-run'], { ...env, ...(envId === undefined ? { TCB_ENV_ID: '' } : { TCB_ENV_ID: envId }) });
      expect(status).toBe(1);
      expect(stderr).toContain('缺少环境变量 TCB_ENV_ID');
      expect(stderr).toContain('不能上传');
      expect(stdout).not.toContain('build:weapp');
    }
  });

  test('refuses without an AppID and key, or with a bad version', () => {
    const { status, stderr } = runScript('upload-weapp.ts', ['upload', '--dry-run', '--version', 'v1'], { WX_APPID: 'not-an-appid', TCB_ENV_ID: 'prod-test123' });
    expect(status).toBe(1);
    expect(stderr).toContain('WX_APPID 的格式不对');
    expect(stderr).toContain('缺少环境变量 WX_PRIVATE_KEY_PATH');
    expect(stderr).toContain('版本号应为 x.y.z');
  });

  test('a release build without TCB_ENV_ID is refused by the build config itself; the plain build (npm test, CI) is not', () => {
    expect(releaseBuildProblem('release', 'weapp', undefined)).toContain('正式构建缺少 TCB_ENV_ID');
    expect(releaseBuildProblem('release', 'weapp', '  ')).toContain('TCB_ENV_ID');
    expect(releaseBuildProblem('release', 'weapp', 'prod"x')).toContain('格式不对');
    expect(releaseBuildProblem('release', 'weapp', 'prod-test123')).toBeNull();
    expect(releaseBuildProblem('production', 'weapp', undefined)).toBeNull();
    expect(releaseBuildProblem(undefined, 'weapp', undefined)).toBeNull();
    expect(releaseBuildProblem('release', 'h5', undefined)).toBeNull();
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts['build:weapp:release']).toBe('taro build --type weapp --mode release');
  });

  test('the built app is checked against the environment and AppID before an upload', () => {
    // dist/weapp here is the test build (npm run build:weapp, no TCB_ENV_ID): it must not pass for any environment.
    expect(checkBuiltWeapp('prod-test123', 'wx0123456789abcdef')).toEqual(expect.arrayContaining([expect.stringContaining('dist/weapp/app.js 里没有云开发环境 prod-test123')]));
  });
});

describe('npm run create-community', () => {
  const args: CommunityArgs = { name: '幸福里社区', lat: 30.2741, lng: 120.1551, adminOpenid: 'oGoLive_admin_openid_0001', adminName: '陈书记', adminPhone: '13700000001', gridName: '第一网格', districtId: 'd_default' };

  test('--dry-run prints the community, grid and admin records and the community QR scene, with no credentials', () => {
    const { status, stdout } = runScript('create-community.ts', ['--dry-run', '--name', '幸福里社区', '--lat', '30.2741', '--lng', '120.1551', '--admin-openid', args.adminOpenid], {});
    expect(status).toBe(0);
    const scene = /QR scene: (c=c_[0-9a-f]{20})$/m.exec(stdout);
    expect(scene).not.toBeNull();
    expect((scene as RegExpExecArray)[1].length).toBeLessThanOrEqual(32);
    expect(stdout).toContain('"name": "幸福里社区"');
    expect(stdout).toContain('"name": "第一网格"');
    expect(stdout).toContain(`"openid": "${args.adminOpenid}"`);
  });

  test('refuses bad arguments and, without --dry-run, missing cloud keys', () => {
    const { status, stderr } = runScript('create-community.ts', ['--name', '幸', '--lat', '300', '--lng', 'abc'], {});
    expect(status).toBe(1);
    for (const fragment of ['--name', '--lat', '--lng', '--admin-openid', '缺少环境变量 TCB_ENV_ID']) expect(stderr).toContain(fragment);
  });

  describe('through the store ports (SQLite here; the same calls go to CloudBase)', () => {
    let world: TestWorld;
    beforeEach(() => {
      world = createTestWorld();
    });
    afterEach(() => world.close());

    test('the admin it creates manages the new community, whose QR scene resolves for a newcomer', async () => {
      const plan = planCommunity(args, world.clock.now());
      await writeCommunity(world.local.store, plan);
      const me = await world.ok('community', 'me', {}, args.adminOpenid);
      expect(me).toMatchObject({ name: '陈书记', communityId: plan.community.id, communityName: '幸福里社区', communityCenter: { lat: 30.2741, lng: 120.1551 } });
      expect(me.roles).toEqual(expect.arrayContaining(['admin', 'resident']));
      const grids = await world.ok('community', 'listGrids', {}, args.adminOpenid);
      expect(grids.items.map((grid) => grid.name)).toEqual(['第一网格']);
      const scene = await world.ok('community', 'resolveScene', { scene: plan.scene }, 'oGoLive_newcomer_openid_01');
      expect(scene.community).toEqual({ id: plan.community.id, name: '幸福里社区' });
    });

    test('an OPENID that already belongs to a community is refused with nothing written', async () => {
      await writeCommunity(world.local.store, planCommunity(args, world.clock.now()));
      const before = fingerprint(world);
      await expect(writeCommunity(world.local.store, planCommunity({ ...args, name: '第二社区' }, world.clock.now()))).rejects.toThrow('已是');
      expect(fingerprint(world)).toBe(before);
    });
  });
});

test('the dry-run scripts run without any cloud SDK credentials on this machine', () => {
  // Guard against a script importing the CloudBase SDK at load time (it needs credentials only for real runs).
  const output = execFileSync(process.execPath, ['--import', 'tsx', '-e', `require(${JSON.stringify(join(ROOT, 'scripts/create-community.ts'))}); process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((key) => key.includes('@cloudbase'))))`], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  expect(JSON.parse(output)).toEqual([]);
});
