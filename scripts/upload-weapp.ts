/**
 * `npm run preview:weapp` / `npm run upload:weapp` (add `-- --dry-run` to print the commands only):
 * makes the production build (`npm run build:weapp:release`, with TCB_ENV_ID and TARO_APP_ID=WX_APPID),
 * checks that it calls that environment, then hands `dist/weapp` to miniprogram-ci, run through npx.
 *
 * - preview: a QR code image (dist/preview-qrcode.jpg) to open this build on a phone of a project member;
 * - upload: a version for 版本管理 in the mini-program console, to submit for review.
 *
 * Needs TCB_ENV_ID (the CloudBase environment the app calls; an empty one is refused), WX_APPID and
 * WX_PRIVATE_KEY_PATH (the code-upload key from 开发管理 → 开发设置 → 小程序代码上传, whose IP
 * allow-list must contain this machine). Options: --version <x.y.z> (default: package.json's),
 * --desc <text>, --robot <1-30>.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { RELEASE_MODE } from '../config/release';
import { checkEnvironment, failWith, NPM, NPX, readOption, runCommands, type Command, type EnvRequirement } from './command-runner';

const root = resolve(__dirname, '..');
export const MINIPROGRAM_CI = 'miniprogram-ci@2.1.42';
export const WEAPP_DIR = join(root, 'dist', 'weapp');
export const PREVIEW_QRCODE = join(root, 'dist', 'preview-qrcode.jpg');

/** The environment the released app calls (`Taro.cloud.init({ env })`): never left to the AppID's default. */
export const WEAPP_ENV_ID: EnvRequirement = {
  name: 'TCB_ENV_ID',
  hint: '小程序要连接的云开发环境 ID（云开发控制台 → 环境 → 环境 ID，形如 prod-3g8x2k1a9c）；为空时小程序会连到 AppID 的默认环境，不能上传 / the CloudBase environment id the app calls',
  pattern: /^[A-Za-z0-9-]{4,}$/,
  patternHint: '只能包含字母、数字和连字符 / letters, digits and "-" only',
};

export const WEAPP_ENV: readonly EnvRequirement[] = [
  { name: 'WX_APPID', hint: '小程序 AppID（小程序后台 → 开发管理 → 开发设置）/ the mini-program AppID', pattern: /^wx[0-9a-f]{16}$/, patternHint: '形如 wx 加 16 位十六进制字符 / "wx" + 16 hex digits' },
  { name: 'WX_PRIVATE_KEY_PATH', hint: '代码上传密钥文件的路径（开发管理 → 开发设置 → 小程序代码上传 → 生成，并把本机 IP 加入白名单）/ path to the code-upload private key' },
];

export type Mode = 'preview' | 'upload';

export interface UploadOptions {
  mode: Mode;
  appid: string;
  privateKeyPath: string;
  version: string;
  description: string;
  robot: string;
}

export function uploadCommand(options: UploadOptions): Command {
  const args = [
    '--yes',
    MINIPROGRAM_CI,
    options.mode,
    '--pp',
    relative(root, WEAPP_DIR),
    '--pkp',
    options.privateKeyPath,
    '--appid',
    options.appid,
    '--uv',
    options.version,
    '--ud',
    options.description,
    '-r',
    options.robot,
    '--use-project-config',
    'true',
  ];
  if (options.mode === 'preview') args.push('--qrcode-format', 'image', '--qrcode-output-dest', relative(root, PREVIEW_QRCODE));
  return {
    title: options.mode === 'preview' ? `预览 ${options.version}：生成二维码 / preview` : `上传版本 ${options.version} / upload`,
    program: NPX,
    args,
  };
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The production build, for the environment and AppID being uploaded to. */
export function releaseBuildCommand(): Command {
  return { title: `正式构建小程序（--mode ${RELEASE_MODE}，TCB_ENV_ID 与 TARO_APP_ID=WX_APPID）/ production build`, program: NPM, args: ['run', 'build:weapp:release'] };
}

/** What is wrong with dist/weapp for an upload to `appid` calling `envId`, or nothing. */
export function checkBuiltWeapp(envId: string, appid: string): string[] {
  const problems: string[] = [];
  const appJs = join(WEAPP_DIR, 'app.js');
  if (!existsSync(appJs)) return [`没有找到 ${relative(root, appJs)}：构建没有完成？\n    No build in dist/weapp.`];
  if (!readFileSync(appJs, 'utf8').includes(JSON.stringify(envId))) {
    problems.push(`dist/weapp/app.js 里没有云开发环境 ${envId}：这个构建连的不是它。请用 TCB_ENV_ID=${envId} npm run build:weapp:release 重新构建。\n    dist/weapp was not built for ${envId}.`);
  }
  const builtConfig = join(WEAPP_DIR, 'project.config.json');
  const builtAppid = existsSync(builtConfig) ? (JSON.parse(readFileSync(builtConfig, 'utf8')) as { appid?: string }).appid : undefined;
  if (builtAppid !== appid) problems.push(`dist/weapp/project.config.json 的 appid 是 ${builtAppid ?? '(空)'}，不是 ${appid}：请用 TARO_APP_ID=${appid} 重新构建。\n    dist/weapp was built for another AppID.`);
  return problems;
}

function main(): void {
  const argv = process.argv.slice(2);
  const mode = argv[0];
  if (mode !== 'preview' && mode !== 'upload') failWith(['用法 / usage: tsx scripts/upload-weapp.ts preview|upload [--dry-run] [--version 1.2.3] [--desc 说明] [--robot 1]'], '参数错误 / Bad arguments');
  const dryRun = argv.includes('--dry-run');

  const problems = checkEnvironment([WEAPP_ENV_ID, ...WEAPP_ENV]);
  const keyPath = process.env.WX_PRIVATE_KEY_PATH;
  if (keyPath && !dryRun && !existsSync(keyPath)) problems.push(`找不到代码上传密钥文件：${keyPath}\n    WX_PRIVATE_KEY_PATH points to no file.`);
  const version = readOption(argv, 'version') ?? packageVersion();
  if (!/^\d+\.\d+\.\d+$/.test(version)) problems.push(`版本号应为 x.y.z 形式，现在是 ${version}\n    --version must look like 1.2.3.`);
  const robot = readOption(argv, 'robot') ?? '1';
  if (!/^([1-9]|[12]\d|30)$/.test(robot)) problems.push(`--robot 应为 1 到 30，现在是 ${robot}\n    --robot must be 1–30.`);
  if (problems.length > 0) failWith(problems, mode === 'preview' ? '无法预览 / Cannot preview yet:' : '无法上传 / Cannot upload yet:');

  const appid = process.env.WX_APPID ?? '';
  const envId = (process.env.TCB_ENV_ID ?? '').trim();
  // The build writes the AppID into dist/weapp/project.config.json and the environment into app.js.
  process.env.TARO_APP_ID = appid;
  process.env.TCB_ENV_ID = envId;
  const description = readOption(argv, 'desc') ?? `${version} · ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const command = uploadCommand({ mode, appid, privateKeyPath: keyPath ?? '', version, description, robot });
  if (dryRun) {
    console.log(`演练模式：只打印命令，不执行 / dry run: commands only\n环境 / environment: ${envId}  AppID: ${appid}\n`);
    runCommands([releaseBuildCommand(), command], { dryRun, cwd: root });
    return;
  }
  runCommands([releaseBuildCommand()], { dryRun, cwd: root });
  const built = checkBuiltWeapp(envId, appid);
  if (built.length > 0) failWith(built, mode === 'preview' ? '无法预览 / Cannot preview:' : '无法上传 / Cannot upload:');
  runCommands([command], { dryRun, cwd: root });
  if (mode === 'preview') console.log(`\n预览二维码：${relative(root, PREVIEW_QRCODE)}（用已加为项目成员的微信扫码；过期后重新运行）`);
  else console.log(`\n已上传 ${version}（云开发环境 ${envId}）。到小程序后台 → 管理 → 版本管理，把它设为体验版，或提交审核。`);
}

if (require.main === module) main();
