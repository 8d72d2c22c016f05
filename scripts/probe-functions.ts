/**
 * The last step of `npm run deploy` (alone: `npm run deploy -- --probe-only`): invokes every deployed
 * function that makes cloud calls with `{ probe: 'cloud-calls' }` through the Tencent Cloud API
 * (manager-node's invokeFunction, the deployer's key), and reads what each cloud call answered
 * (src/server/adapters/cloudbase/wechat/cloud-call-probe.ts). A missing permission (-604101) or a
 * wrong configuration fails the deploy, saying what it breaks and what to do.
 */
import { PROBE_EVENT, type CloudCallApi, type ProbeCheck, type ProbeReport } from '../src/server/adapters/cloudbase/wechat/cloud-call-probe';
import type { Envelope } from '../src/shared/errors';
import { apiErrorCode } from './api-errors';
import type { AdminCredentials } from './database-admin';

/** Invokes a deployed function with an event and gives back what its main returned. */
export type Invoke = (functionName: string, event: object) => Promise<unknown>;

export interface ProbeOutcome {
  /** One line per check, for the log. */
  lines: string[];
  /** What fails the deploy. */
  problems: string[];
  /** What could not be verified from here. */
  warnings: string[];
}

/** What a missing cloud call breaks, for the deployer. */
const CONSEQUENCE: Readonly<Record<CloudCallApi, string>> = {
  'security.msgSecCheck': '居民提交的文字都会被暂扣，等管理员审核后才显示',
  'wxacode.getUnlimited': '社区、网格、服务点和活动的二维码都生成不了',
  'subscribeMessage.send': '订阅消息发不出去（通知只进站内消息，社区管理员会收到提醒）',
  'subscribeMessage.getTemplateList': '部署时无法核对订阅消息模板',
};

function noPermissionAdvice(functionName: string, check: ProbeCheck, envId: string): string {
  return [
    `云函数 ${functionName} 没有 ${check.api} 的云调用权限（-604101）。在此之前${CONSEQUENCE[check.api]}。`,
    `    权限写在 cloudfunctions/${functionName}/config.json，随代码上传后由微信侧生效，可能要等约 10 分钟：`,
    `    1. 约 10 分钟后运行 npm run deploy -- --probe-only 复查；`,
    `    2. 仍是 -604101：用微信开发者工具打开本项目根目录，云开发环境选 ${envId}，在 cloudfunctions/${functionName} 上右键“上传并部署：云端安装依赖”，再运行 npm run deploy -- --probe-only。`,
    `    Function ${functionName} has no cloud-call permission for ${check.api} (-604101).`,
  ].join('\n');
}

function isEnvelope(value: unknown): value is Envelope<ProbeReport> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/** Probes each named function and sorts what it answered into lines, problems and warnings. */
export async function probeFunctions(targets: readonly { name: string; openapi: readonly CloudCallApi[] }[], invoke: Invoke, envId: string): Promise<ProbeOutcome> {
  const outcome: ProbeOutcome = { lines: [], problems: [], warnings: [] };
  for (const target of targets) {
    let answer: unknown;
    try {
      answer = await invoke(target.name, PROBE_EVENT);
    } catch (error) {
      const code = apiErrorCode(error);
      outcome.problems.push(`调用云函数 ${target.name} 自检失败${code ? ` [${code}]` : ''}：${error instanceof Error ? error.message : String(error)}\n    请确认它已部署到 ${envId}（npm run deploy -- ${target.name}），再运行 npm run deploy -- --probe-only。\n    Could not invoke ${target.name}.`);
      continue;
    }
    if (!isEnvelope(answer)) {
      outcome.problems.push(`云函数 ${target.name} 的自检回答看不懂：${JSON.stringify(answer)?.slice(0, 200)}\n    它可能是旧版本：重新部署 npm run deploy -- ${target.name}。\n    Unexpected probe answer from ${target.name}.`);
      continue;
    }
    if (!answer.ok) {
      outcome.problems.push(`云函数 ${target.name} 拒绝了自检（${answer.error.code}：${answer.error.message}）\n    Probe refused by ${target.name}.`);
      continue;
    }
    const seen = new Set(answer.data.checks.map((check) => check.api));
    const unchecked = target.openapi.filter((api) => !seen.has(api));
    if (unchecked.length > 0) outcome.problems.push(`云函数 ${target.name} 没有检查 ${unchecked.join('、')}：部署的不是这次构建的版本？重新运行 npm run deploy -- ${target.name}。\n    ${target.name} did not probe ${unchecked.join(', ')}.`);
    for (const check of answer.data.checks) {
      outcome.lines.push(`  ${target.name} · ${check.api}: ${check.status}${check.code !== null && check.code !== 0 ? ` (${check.code})` : ''} — ${check.detail}`);
      if (check.status === 'no_permission') outcome.problems.push(noPermissionAdvice(target.name, check, envId));
      else if (check.status === 'misconfigured') outcome.problems.push(`云函数 ${target.name} 的 ${check.api} 配置有误：${check.detail}。在此之前${CONSEQUENCE[check.api]}。\n    ${target.name}: ${check.api} is misconfigured.`);
      else if (check.status === 'unverifiable') outcome.warnings.push(`无法在部署机上确认 ${target.name} 的 ${check.api}：${check.detail}。请在小程序里试用一次（${CONSEQUENCE[check.api]}就说明权限没有生效），或稍后运行 npm run deploy -- --probe-only。\n    Could not verify ${target.name}: ${check.api}.`);
      else if (check.status === 'skipped') outcome.warnings.push(`${target.name} · ${check.api}：${check.detail}\n    Skipped.`);
    }
  }
  return outcome;
}

/**
 * Invocation through the Tencent Cloud API (SCF Invoke), as `tcb fn invoke` does it; the answer is
 * the function's return value. manager-node loads at the first call, so a dry run never loads it.
 */
export function createManagerInvoke({ envId, secretId, secretKey }: AdminCredentials): Invoke {
  let manager: InstanceType<typeof import('@cloudbase/manager-node')> | null = null;
  return async (functionName, event) => {
    if (!manager) {
      const { default: CloudBase } = await import('@cloudbase/manager-node');
      manager = new CloudBase({ envId, secretId, secretKey });
    }
    const result = (await manager.functions.invokeFunction(functionName, event as Record<string, unknown>)) as { RetMsg?: string; ErrMsg?: string; InvokeResult?: number };
    if (result.InvokeResult !== undefined && result.InvokeResult !== 0) throw new Error(`函数运行出错：${result.ErrMsg || '（无错误信息）'}`);
    try {
      return JSON.parse(result.RetMsg ?? '') as unknown;
    } catch {
      return result.RetMsg;
    }
  };
}
