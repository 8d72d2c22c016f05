import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { readDatabaseDefinitions } from '../../scripts/database-definitions';
import { startFakeTcbApi, type FakeTcbApi } from '../support/fake-tcb-api';

const ROOT = resolve(__dirname, '../..');
const CREDENTIALS = { envId: 'prod-test123', secretId: 'AKIDtestSecretId000', secretKey: 'testSecretKeyValue000' };
const definitions = readDatabaseDefinitions();
const WRITE_ACTIONS = ['CreateTable', 'UpdateTable', 'ModifySafeRule', 'ModifyResourcePermission', 'ModifyStorageSafeRule'];
const RULE = '{"read":false,"write":false}';

/** `npm run setup-database` in a fresh Node with only PATH and the given variables, the SDK pointed at the fake API. */
function runSetup(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'setup-database.ts'), ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

describe('npm run setup-database (real @cloudbase/manager-node against a fake Tencent Cloud API)', () => {
  let api: FakeTcbApi;
  let env: Record<string, string>;

  beforeEach(async () => {
    api = await startFakeTcbApi(CREDENTIALS);
    env = { TCB_ENV_ID: CREDENTIALS.envId, TCB_SECRET_ID: CREDENTIALS.secretId, TCB_SECRET_KEY: CREDENTIALS.secretKey, TCB_BASE_URL: api.url };
  });
  afterEach(() => api.close());

  test('creates every collection with exactly its defined indexes (the 2dsphere ones too) and the deny-all rule; a second run changes nothing', async () => {
    const first = await runSetup([], env);
    expect(first.stderr).not.toContain('失败');
    expect(first.status).toBe(0);
    expect([...api.tables.keys()].sort()).toEqual(definitions.collections.map((definition) => definition.collection).sort());
    for (const definition of definitions.collections) {
      expect(api.tables.get(definition.collection)).toEqual([
        { Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true },
        ...definition.indexes.map((index) => ({ Name: index.name, Keys: index.keys.map((key) => ({ Name: key.field, Direction: String(key.direction) })), Unique: index.unique })),
      ]);
      expect(api.rules.get(definition.collection)).toEqual({ aclTag: 'CUSTOM', rule: RULE });
    }
    // Every collection and index first, every rule after them; through ModifySafeRule, never the deprecated call.
    const writes = api.calls.filter((call) => WRITE_ACTIONS.includes(call.action)).map((call) => call.action);
    expect(writes.lastIndexOf('CreateTable')).toBeLessThan(writes.indexOf('ModifySafeRule'));
    expect(writes.lastIndexOf('UpdateTable')).toBeLessThan(writes.indexOf('ModifySafeRule'));
    expect(writes.filter((action) => action === 'ModifySafeRule')).toHaveLength(definitions.collections.length);
    expect(writes).not.toContain('ModifyResourcePermission');
    // Then every rule is read back.
    const lastWrite = api.calls.map((call) => call.action).lastIndexOf('ModifySafeRule');
    expect(api.calls.slice(lastWrite + 1).filter((call) => call.action === 'DescribeSafeRule')).toHaveLength(definitions.collections.length);
    expect(first.stdout).toContain('安全规则已读回确认');
    expect(first.stdout).toContain('云存储权限');
    expect(api.tables.get('members')?.find((index) => index.Name === 'home_point')?.Keys).toEqual([{ Name: 'homePoint', Direction: '2dsphere' }]);
    expect(api.tables.get('requests')?.some((index) => index.Keys.some((key) => key.Name === 'point' && key.Direction === '2dsphere'))).toBe(true);
    expect(first.stdout).toContain(`已新建或修改 ${definitions.collections.length * 2 - definitions.collections.filter((definition) => definition.indexes.length === 0).length} 项`);
    expect(first.stdout).toContain(`已设置 ${definitions.collections.length} 个集合的安全规则`);

    api.calls.length = 0;
    const second = await runSetup([], env);
    expect(second.status).toBe(0);
    expect(api.calls.filter((call) => WRITE_ACTIONS.includes(call.action))).toEqual([]);
    expect(second.stdout).toContain('已新建或修改 0 项');
    expect(second.stdout).toContain('已设置 0 个集合的安全规则');
  }, 60_000);

  test('an index whose keys changed is dropped and created again; an index the files do not name is left and reported', async () => {
    expect((await runSetup([], env)).status).toBe(0);
    const members = api.tables.get('members') ?? [];
    const homePoint = members.find((index) => index.Name === 'home_point');
    if (!homePoint) throw new Error('home_point missing');
    homePoint.Keys = [{ Name: 'homePoint', Direction: '1' }];
    members.push({ Name: 'made_by_hand', Keys: [{ Name: 'phone', Direction: '1' }], Unique: false });
    api.calls.length = 0;

    const run = await runSetup([], env);
    expect(run.status).toBe(0);
    expect(api.calls.filter((call) => call.action === 'UpdateTable').map((call) => [call.body.TableName, call.body.DropIndexes, (call.body.CreateIndexes as { IndexName: string }[] | undefined)?.map((index) => index.IndexName)])).toEqual([
      ['members', [{ IndexName: 'home_point' }], undefined],
      ['members', undefined, ['home_point']],
    ]);
    expect(api.tables.get('members')?.find((index) => index.Name === 'home_point')?.Keys).toEqual([{ Name: 'homePoint', Direction: '2dsphere' }]);
    expect(api.tables.get('members')?.some((index) => index.Name === 'made_by_hand')).toBe(true);
    expect(run.stdout).toContain('members.made_by_hand');
  }, 60_000);

  test('--dry-run reads and lists the plan without writing anything', async () => {
    const run = await runSetup(['--dry-run'], env);
    expect(run.status).toBe(0);
    expect(api.calls.filter((call) => WRITE_ACTIONS.includes(call.action))).toEqual([]);
    expect(api.tables.size).toBe(0);
    expect(run.stdout).toContain('新建集合 / create collection members');
    expect(run.stdout).toContain('home_point (homePoint 2dsphere)');
  }, 60_000);

  test('a refused rule call comes after every collection and index exist, and the next run sets only the rules', async () => {
    api.failAction('ModifySafeRule', 'UnauthorizedOperation', '没有修改安全规则的权限');
    const failed = await runSetup([], env);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('[UnauthorizedOperation]');
    expect([...api.tables.keys()].sort()).toEqual(definitions.collections.map((definition) => definition.collection).sort());
    for (const definition of definitions.collections) expect(api.tables.get(definition.collection)).toHaveLength(definition.indexes.length + 1);

    api.clearFailures();
    api.calls.length = 0;
    expect((await runSetup([], env)).status).toBe(0);
    expect(api.calls.filter((call) => call.action === 'CreateTable' || call.action === 'UpdateTable')).toEqual([]);
    expect(api.calls.filter((call) => call.action === 'ModifySafeRule')).toHaveLength(definitions.collections.length);
  }, 60_000);

  test('a rule that does not read back as set fails the run, naming the collections', async () => {
    expect((await runSetup([], env)).status).toBe(0);
    // Someone changed one in the console; the fake then keeps ignoring writes to it.
    api.rules.set('users', { aclTag: 'PRIVATE', rule: '' });
    api.ignoreRuleWrites.add('users');
    const run = await runSetup([], env);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('安全规则读回来不是');
    expect(run.stderr).toContain('users');
  }, 60_000);

  test('cloud storage that the mini-program cannot read fails the run with what to change; the dry run says so too', async () => {
    api.storageAcl = 'PRIVATE';
    for (const args of [[], ['--dry-run']]) {
      const run = await runSetup(args, env);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('仅创建者及管理员可读写');
      expect(run.stderr).toContain('存储 → 权限设置');
    }
  }, 60_000);

  test('an API refusal stops with its code and message in Chinese, and a run after the fix finishes the rest', async () => {
    api.failAction('UpdateTable', 'LimitExceeded', '索引数量超出限制');
    const failed = await runSetup([], env);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('数据库设置失败');
    expect(failed.stderr).toContain('[LimitExceeded]');
    expect(failed.stderr).toContain('索引数量超出限制');
    expect(api.tables.size).toBe(1);


    api.clearFailures();
    expect((await runSetup([], env)).status).toBe(0);
    for (const definition of definitions.collections) expect(api.tables.get(definition.collection)).toHaveLength(definition.indexes.length + 1);
  }, 60_000);

  test('a wrong API key is refused by the API and reported, nothing written — also in --dry-run, which lists no plan', async () => {
    for (const args of [[], ['--dry-run']]) {
      const run = await runSetup(args, { ...env, TCB_SECRET_KEY: 'someOtherSecretKey000' });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('AuthFailure.SignatureFailure');
      expect(run.stdout).not.toContain('新建集合');
      expect(api.tables.size).toBe(0);
    }
  }, 60_000);

  test('only "not found" means missing: any other refusal while reading a collection fails the run (dry run too), listing nothing', async () => {
    await runSetup([], env);
    api.failAction('DescribeTable', 'InternalError', '内部错误');
    for (const args of [[], ['--dry-run']]) {
      const run = await runSetup(args, env);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('[InternalError]');
      expect(run.stdout).not.toContain('新建集合');
    }
  }, 60_000);

  test('an unknown environment is an error, not 48 collections to create', async () => {
    const run = await runSetup(['--dry-run'], { ...env, TCB_ENV_ID: 'prod-other99' });
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('新建集合');
  }, 60_000);

  test('refuses to start without the environment variables, naming each', async () => {
    const run = await runSetup([], { TCB_BASE_URL: api.url });
    expect(run.status).toBe(1);
    for (const name of ['TCB_ENV_ID', 'TCB_SECRET_ID', 'TCB_SECRET_KEY']) expect(run.stderr).toContain(`缺少环境变量 ${name}`);
    expect(run.stderr).not.toContain('POINTS_SIGNING_KEY');
    expect(api.calls).toEqual([]);
  }, 60_000);
});
