import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CLOUD_FUNCTIONS, functionSpec } from '../../scripts/cloud-functions';
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
  const env = { TCB_ENV_ID: 'prod-test123', TCB_SECRET_ID: 'AKIDtestSecretId000', TCB_SECRET_KEY: 'testSecretKeyValue000', POINTS_SIGNING_KEY: 'k'.repeat(32) };

  test('--dry-run prints the build, the login and one forced deploy per function into the environment, and never a secret', () => {
    const { status, stdout } = runScript('deploy.ts', ['--dry-run'], env);
    expect(status).toBe(0);
    const commands = stdout.split('\n').filter((line) => /^(npm|npx) /.test(line));
    const tcb = 'npx --yes --package=@cloudbase/cli@2.12.10 tcb';
    expect(commands).toEqual([
      'npm run build:functions',
      `${tcb} login --apiKeyId **** --apiKey ****`,
      ...rc.functions.map((fn) => `${tcb} fn deploy ${fn.name} -e prod-test123 --force --yes`),
      'npm run setup-database',
    ]);
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

  test('--dry-run of one function deploys only that one', () => {
    const { status, stdout } = runScript('deploy.ts', ['--dry-run', 'points'], env);
    expect(status).toBe(0);
    expect(stdout.split('\n').filter((line) => line.includes(' fn deploy '))).toEqual(['npx --yes --package=@cloudbase/cli@2.12.10 tcb fn deploy points -e prod-test123 --force --yes']);
  });

  test('refuses, naming every missing or weak variable in Chinese and English, before running anything', () => {
    const { status, stdout, stderr } = runScript('deploy.ts', ['--dry-run'], { POINTS_SIGNING_KEY: 'too-short' });
    expect(status).toBe(1);
    expect(stdout).not.toContain('npm run build:functions');
    for (const name of ['TCB_ENV_ID', 'TCB_SECRET_ID', 'TCB_SECRET_KEY']) {
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

describe('npm run preview:weapp / upload:weapp', () => {
  const env = { WX_APPID: 'wx0123456789abcdef', WX_PRIVATE_KEY_PATH: '/keys/private.wx0123456789abcdef.key' };

  test('--dry-run previews dist/weapp with miniprogram-ci into a QR code image', () => {
    const { status, stdout } = runScript('upload-weapp.ts', ['preview', '--dry-run', '--version', '1.2.3', '--desc', '试运行'], env);
    expect(status).toBe(0);
    expect(stdout).toContain(
      "npx --yes miniprogram-ci@2.1.42 preview --pp dist/weapp --pkp /keys/private.wx0123456789abcdef.key --appid wx0123456789abcdef --uv 1.2.3 --ud '试运行' -r 1 --use-project-config true --qrcode-format image --qrcode-output-dest dist/preview-qrcode.jpg",
    );
  });

  test('--dry-run uploads a version with its description', () => {
    const { status, stdout } = runScript('upload-weapp.ts', ['upload', '--dry-run', '--version', '1.0.0', '--desc', 'first'], env);
    expect(status).toBe(0);
    expect(stdout).toContain('npx --yes miniprogram-ci@2.1.42 upload --pp dist/weapp --pkp /keys/private.wx0123456789abcdef.key --appid wx0123456789abcdef --uv 1.0.0 --ud first -r 1 --use-project-config true');
  });

  test('refuses without an AppID and key, or with a bad version', () => {
    const { status, stderr } = runScript('upload-weapp.ts', ['upload', '--dry-run', '--version', 'v1'], { WX_APPID: 'not-an-appid' });
    expect(status).toBe(1);
    expect(stderr).toContain('WX_APPID 的格式不对');
    expect(stderr).toContain('缺少环境变量 WX_PRIVATE_KEY_PATH');
    expect(stderr).toContain('版本号应为 x.y.z');
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
