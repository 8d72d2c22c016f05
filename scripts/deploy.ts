/**
 * `npm run deploy [-- --dry-run] [-- <function> …]`: bundles the cloud functions and deploys them:
 *
 * 1. `tcb fn deploy` (CloudBase CLI through npx) for each: code, runtime, timeout, memory, env
 *    variables and the scheduler's timer from cloudbaserc.json. The CLI (and manager-node under it)
 *    never reads a function's config.json, so it does not apply cloud-call permissions.
 * 2. For each function that makes cloud calls, `miniprogram-ci cloud functions upload`: the same
 *    WeChat channel as WeChat DevTools' 上传并部署 (the whole folder, config.json included).
 * 3. `npm run setup-database`.
 * 4. The probe (scripts/probe-functions.ts): each cloud-calling function tries its cloud calls once;
 *    -604101 or a wrong configuration fails the deploy with what to do. `-- --probe-only` runs it alone.
 *
 * Needs TCB_ENV_ID, TCB_SECRET_ID, TCB_SECRET_KEY, POINTS_SIGNING_KEY, WX_APPID and
 * WX_PRIVATE_KEY_PATH in the environment. cloudbaserc.json reads TCB_ENV_ID and POINTS_SIGNING_KEY
 * through its {{env.X}} placeholders.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROBE_EVENT } from '../src/server/adapters/cloudbase/wechat/cloud-call-probe';
import { ENV_VERSIONS, MINIPROGRAM_STATES } from '../src/server/adapters/cloudbase/wechat/wx-cloud';
import { CLOUD_FUNCTIONS } from './cloud-functions';
import { checkEnvironment, failWith, NPM, NPX, runCommands, type Command, type EnvRequirement } from './command-runner';
import { createManagerInvoke, probeFunctions, type Invoke } from './probe-functions';
import { MINIPROGRAM_CI, WEAPP_ENV } from './upload-weapp';

const root = resolve(__dirname, '..');
/** Pinned: the flags used below (`fn deploy --force --yes`, `login --apiKeyId`) were checked against this version. */
export const TCB_CLI = '@cloudbase/cli@2.12.10';

/** Values go into cloudbaserc.json's JSON as they are: a quote or backslash would break it. */
const JSON_SAFE = /^[^"\\\u0000-\u001f]+$/;

export const DEPLOY_ENV: readonly EnvRequirement[] = [
  { name: 'TCB_ENV_ID', hint: '云开发环境 ID（云开发控制台 → 环境 → 环境 ID，形如 prod-3g8x2k1a9c）/ the CloudBase environment id', pattern: /^[A-Za-z0-9-]{4,}$/, patternHint: '只能包含字母、数字和连字符 / letters, digits and "-" only' },
  { name: 'TCB_SECRET_ID', hint: '腾讯云 API 密钥 SecretId（访问管理 → API 密钥管理）/ Tencent Cloud API SecretId', pattern: JSON_SAFE },
  { name: 'TCB_SECRET_KEY', hint: '腾讯云 API 密钥 SecretKey / Tencent Cloud API SecretKey', pattern: JSON_SAFE },
  {
    name: 'POINTS_SIGNING_KEY',
    hint: '积分兑换码的签名密钥，至少 32 个字符，例如 `openssl rand -hex 32` 的输出；上线后不要更换，否则未使用的兑换码与取货码失效 / HMAC key for redeem and pickup codes, ≥ 32 chars',
    minLength: 32,
    pattern: JSON_SAFE,
    patternHint: '不能包含引号、反斜杠或控制字符（它会写进 cloudbaserc.json）/ no quotes, backslashes or control characters',
  },
];

/** Settings with a default: deploy fills in the default when unset, so cloudbaserc.json never gets an empty value. */
export const DEPLOY_SETTINGS: readonly { name: string; values: readonly string[]; fallback: string; hint: string }[] = [
  {
    name: 'WX_MINIPROGRAM_STATE',
    values: MINIPROGRAM_STATES,
    fallback: 'formal',
    hint: '订阅消息点开后进入的版本：formal 正式版（默认）、trial 体验版、developer 开发版 / which version a subscribe message opens',
  },
  {
    name: 'WX_ENV_VERSION',
    values: ENV_VERSIONS,
    fallback: 'release',
    hint: '社区、网格、服务点和活动二维码打开的版本：release 正式版（默认）、trial 体验版、develop 开发版 / which version the QR codes open',
  },
];

/** Fills in the defaults of unset settings in `env` and names every setting with a value it cannot take. */
export function applyDeploySettings(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  for (const setting of DEPLOY_SETTINGS) {
    const value = env[setting.name]?.trim();
    if (!value) env[setting.name] = setting.fallback;
    else if (!setting.values.includes(value)) problems.push(`${setting.name}=${value} 不对，应为 ${setting.values.join(' / ')} 之一：${setting.hint}\n    ${setting.name} must be one of ${setting.values.join(', ')}.`);
  }
  return problems;
}

interface RcFunction {
  name: string;
}

function configuredFunctions(): string[] {
  const rc = JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8')) as { functions?: RcFunction[] };
  return (rc.functions ?? []).map((fn) => fn.name);
}

/** Functions that make cloud calls: their permissions must be applied and probed. */
export function cloudCallingFunctions(names: readonly string[]) {
  return CLOUD_FUNCTIONS.filter((spec) => names.includes(spec.name) && spec.openapi.length > 0);
}

/** The commands a deploy runs, in order (exported for the dry-run test). */
export function deployCommands(env: NodeJS.ProcessEnv, names: readonly string[]): Command[] {
  const envId = env.TCB_ENV_ID ?? '';
  const secretId = env.TCB_SECRET_ID ?? '';
  const secretKey = env.TCB_SECRET_KEY ?? '';
  const tcb = ['--yes', `--package=${TCB_CLI}`, 'tcb'];
  return [
    { title: '打包云函数 / bundle the cloud functions', program: NPM, args: ['run', 'build:functions'] },
    { title: '用 API 密钥登录云开发 CLI / log the CloudBase CLI in with the API key', program: NPX, args: [...tcb, 'login', '--apiKeyId', secretId, '--apiKey', secretKey], secrets: [secretId, secretKey] },
    ...names.map((name) => ({
      title: `部署云函数 ${name}（覆盖同名函数，按 cloudbaserc.json 的配置）/ deploy ${name}`,
      program: NPX,
      args: [...tcb, 'fn', 'deploy', name, '-e', envId, '--force', '--yes'],
    })),
    ...cloudCallingFunctions(names).map((spec) => ({
      title: `经微信通道上传 ${spec.name}（连同 config.json 的云调用权限：${spec.openapi.join('、')}）/ upload ${spec.name} through WeChat so its config.json applies`,
      program: NPX,
      args: [
        '--yes',
        MINIPROGRAM_CI,
        'cloud',
        'functions',
        'upload',
        '--pp',
        '.',
        '--pkp',
        env.WX_PRIVATE_KEY_PATH ?? '',
        '--appid',
        env.WX_APPID ?? '',
        '--env',
        envId,
        '--name',
        spec.name,
        '--path',
        `cloudfunctions/${spec.name}`,
        '--remote-npm-install',
        'true',
      ],
    })),
    { title: '数据库：补齐集合、索引与安全规则（cloudbase/database/）/ database: collections, indexes, security rules', program: NPM, args: ['run', 'setup-database'] },
  ];
}

const AFTER_DEPLOY = `
之后 / Then:
  - 定时触发器 scheduler-timer（每分钟）随 scheduler 一起部署；在控制台 → 云函数 → scheduler → 触发器 中可见。
  - 第一个社区和管理员：npm run create-community -- --name … --lat … --lng … --admin-openid …（见 README “上线”）。`;

/** Runs the probe and ends the process on a problem; prints warnings and goes on otherwise. */
export async function runProbe(names: readonly string[], invoke: Invoke, envId: string, dryRun: boolean): Promise<void> {
  const targets = cloudCallingFunctions(names);
  if (targets.length === 0) return;
  if (dryRun) {
    console.log(`# 自检 / probe: ${targets.map((spec) => `${spec.name}（${spec.openapi.join('、')}）`).join('；')} 各调用一次 ${JSON.stringify(PROBE_EVENT)}`);
    return;
  }
  console.log(`\n==> 自检云调用权限 / probing cloud calls: ${targets.map((spec) => spec.name).join(', ')}`);
  const outcome = await probeFunctions(targets, invoke, envId);
  for (const line of outcome.lines) console.log(line);
  if (outcome.warnings.length > 0) {
    console.warn('\n注意 / warnings:');
    for (const warning of outcome.warnings) console.warn(`  - ${warning}`);
  }
  if (outcome.problems.length > 0) failWith(outcome.problems, '部署完成，但云调用自检没有通过 / Deployed, but the cloud-call probe failed:');
  console.log('云调用自检通过 / cloud-call probe passed.');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dryRun = argv.includes('--dry-run');
  const probeOnly = argv.includes('--probe-only');
  const requested = argv.filter((arg) => !arg.startsWith('--'));

  const tcbOnly = DEPLOY_ENV.filter((requirement) => requirement.name.startsWith('TCB_'));
  const problems = probeOnly ? checkEnvironment(tcbOnly) : [...checkEnvironment([...DEPLOY_ENV, ...WEAPP_ENV]), ...applyDeploySettings(process.env)];
  const keyPath = process.env.WX_PRIVATE_KEY_PATH;
  if (!probeOnly && keyPath && !dryRun && !existsSync(keyPath)) problems.push(`找不到代码上传密钥文件：${keyPath}\n    WX_PRIVATE_KEY_PATH points to no file.`);
  const configured = configuredFunctions();
  const expected = CLOUD_FUNCTIONS.map((spec) => spec.name);
  const missing = expected.filter((name) => !configured.includes(name));
  const extra = configured.filter((name) => !expected.includes(name));
  if (missing.length > 0 || extra.length > 0) {
    problems.push(`cloudbaserc.json 与 cloudfunctions/ 不一致：缺少 ${missing.join(', ') || '无'}，多出 ${extra.join(', ') || '无'}\n    cloudbaserc.json does not match cloudfunctions/.`);
  }
  const unknown = requested.filter((name) => !configured.includes(name));
  if (unknown.length > 0) problems.push(`没有这些云函数：${unknown.join(', ')}（可选：${configured.join(', ')}）\n    Unknown functions: ${unknown.join(', ')}.`);
  if (problems.length > 0) failWith(problems, '无法部署，请先处理以下问题 / Cannot deploy yet:');

  const names = requested.length > 0 ? requested : configured;
  const envId = process.env.TCB_ENV_ID ?? '';
  const invoke = createManagerInvoke({ envId, secretId: process.env.TCB_SECRET_ID ?? '', secretKey: process.env.TCB_SECRET_KEY ?? '' });
  if (probeOnly) {
    await runProbe(names, invoke, envId, dryRun);
    return;
  }
  const commands = deployCommands(process.env, names);
  if (dryRun) console.log(`演练模式：只打印命令，不执行 / dry run: commands only\n环境 / environment: ${envId}\n`);
  else console.log(`部署到云开发环境 ${envId}：${names.join(', ')}\n（如果 tcb 提示“您已登录”，用的是本机已有的登录；要换账号先运行 npx --yes --package=${TCB_CLI} tcb logout）`);
  console.log(DEPLOY_SETTINGS.map((setting) => `${setting.name}=${process.env[setting.name]}`).join('  '));
  runCommands(commands, { dryRun, cwd: root });
  await runProbe(names, invoke, envId, dryRun);
  console.log(AFTER_DEPLOY);
  if (!dryRun) console.log(`\n完成：${names.length} 个云函数已部署到 ${envId}。/ Done.`);
}

if (require.main === module) {
  main().catch((error: unknown) => failWith([`部署失败：${error instanceof Error ? error.message : String(error)}\n    Deploy failed.`], '部署失败 / Deploy failed'));
}
