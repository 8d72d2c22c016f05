/**
 * Small helpers shared by the going-live scripts (deploy, upload-weapp, create-community): checking
 * the environment with messages in Chinese and English, and running (or, with --dry-run, printing)
 * external commands without ever printing a secret.
 */
import { spawnSync } from 'node:child_process';

export interface EnvRequirement {
  name: string;
  /** What it is and where to find it, Chinese then English. */
  hint: string;
  minLength?: number;
  pattern?: RegExp;
  patternHint?: string;
}

/** Every problem with the environment at once, so one run tells the deployer everything to fix. */
export function checkEnvironment(requirements: readonly EnvRequirement[], env: NodeJS.ProcessEnv = process.env): string[] {
  const problems: string[] = [];
  for (const requirement of requirements) {
    const value = env[requirement.name];
    if (!value || value.trim() === '') {
      problems.push(`缺少环境变量 ${requirement.name}：${requirement.hint}\n    Missing ${requirement.name}.`);
      continue;
    }
    if (requirement.minLength !== undefined && value.length < requirement.minLength) {
      problems.push(`${requirement.name} 太短（${value.length} 个字符），至少需要 ${requirement.minLength} 个字符。\n    ${requirement.name} is too short (${value.length} chars); it needs at least ${requirement.minLength}.`);
    }
    if (requirement.pattern && !requirement.pattern.test(value)) {
      problems.push(`${requirement.name} 的格式不对：${requirement.patternHint ?? ''}\n    ${requirement.name} has the wrong format.`);
    }
  }
  return problems;
}

export function failWith(problems: readonly string[], title: string): never {
  console.error(`${title}\n`);
  for (const problem of problems) console.error(`  - ${problem}`);
  console.error('');
  process.exit(1);
}

/** One external command; `secrets` are argument values shown as **** when printed. */
export interface Command {
  program: string;
  args: string[];
  secrets?: string[];
  /** What the step does, printed before it. */
  title: string;
}

const quote = (arg: string): string => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

export function displayCommand(command: Command): string {
  const secrets = new Set(command.secrets ?? []);
  return [command.program, ...command.args].map((arg) => (secrets.has(arg) ? '****' : quote(arg))).join(' ');
}

export const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';
export const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs the commands in order and stops at the first failure; with dryRun prints them instead. */
export function runCommands(commands: readonly Command[], options: { dryRun: boolean; cwd: string }): void {
  for (const [index, command] of commands.entries()) {
    const line = displayCommand(command);
    if (options.dryRun) {
      console.log(`# ${index + 1}. ${command.title}\n${line}`);
      continue;
    }
    console.log(`\n==> ${index + 1}/${commands.length} ${command.title}\n$ ${line}`);
    const result = spawnSync(command.program, command.args, { cwd: options.cwd, stdio: 'inherit', env: process.env });
    if (result.error) failWith([`无法运行 ${command.program}：${result.error.message}\n    Could not start ${command.program}.`], '执行失败 / Failed');
    if (result.status !== 0) failWith([`这一步失败了（退出码 ${result.status ?? result.signal}）：${command.title}\n    This step failed: ${line}`], '执行失败 / Failed');
  }
}

/** `--name value` or `--name=value`. */
export function readOption(argv: readonly string[], name: string): string | undefined {
  const flag = `--${name}`;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === flag) return argv[index + 1];
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}
