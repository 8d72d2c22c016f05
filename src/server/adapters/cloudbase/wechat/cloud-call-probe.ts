/**
 * The deploy probe: after `npm run deploy` the deployer's machine invokes every function that makes
 * cloud calls with `{ probe: 'cloud-calls' }`, and the function tries each of its cloud calls once
 * with fixed, harmless input (a content check of a fixed text, a mini-program code for a fixed
 * scene that is not stored, the account's subscribe templates and a send to a made-up openid). The
 * answers say whether the function's cloud-call permissions (its `config.json`) are in effect:
 * `-604101` means they are not, and residents' text would be held, QR codes fail and pushes stop.
 *
 * Only a call with no user behind it may probe (the deployer's API invocation, never a mini-program
 * or web user, never HTTP). It reads and writes nothing of anyone's.
 */
import shippedTemplates from '../../../../../config/subscribe-templates.json';
import type { Envelope } from '../../../../shared/errors';
import { SCENE_PAGE } from '../../../../shared/domain/scene';
import { templateData } from '../../../../shared/domain/subscribe-fields';
import { SUBSCRIBE_TEMPLATE_KEYS, type SubscribeTemplate } from '../../../../shared/domain/subscribe-templates';
import { parseSubscribeTemplates } from './subscribe-notifier';
import { wxErrorCode, type AccountTemplate, type EnvVersion, type MiniprogramState, type WxCloud } from './wx-cloud';

/** WeChat open APIs reached by cloud call (云调用); each must be declared in the function's config.json. */
export const CLOUD_CALL_APIS = ['subscribeMessage.send', 'subscribeMessage.getTemplateList', 'wxacode.getUnlimited', 'security.msgSecCheck'] as const;
export type CloudCallApi = (typeof CLOUD_CALL_APIS)[number];

/** The event the deploy script sends. */
export const PROBE_EVENT = { probe: 'cloud-calls' } as const;
/** An openid no user has: WeChat answers 40003 for it once the gateway let the call through. */
export const PROBE_OPENID = 'oDaibanDeployProbe0000000000';
/** The fixed text the content check gets, and the fixed scene of the code (never stored). */
export const PROBE_TEXT = '党员代办部署自检：楼道灯不亮，请帮忙看看。';
export const PROBE_SCENE = 'probe=1';

/**
 * - ok: the call went through the cloud-call gateway (a WeChat answer about the made-up input counts);
 * - no_permission: -604101, the function's permissions are not in effect;
 * - misconfigured: the mini-program or templates are wrong (48001, -604100, a template missing);
 * - unverifiable: could not tell from here (-604104 for this kind of invocation, timeouts, network);
 * - skipped: nothing to check (no template configured).
 */
export type ProbeStatus = 'ok' | 'no_permission' | 'misconfigured' | 'unverifiable' | 'skipped';

export interface ProbeCheck {
  api: CloudCallApi;
  status: ProbeStatus;
  code: number | null;
  /** What was seen, in Chinese. */
  detail: string;
}

export interface ProbeReport {
  function: string;
  checks: ProbeCheck[];
}

export function isProbeEvent(event: unknown): boolean {
  return typeof event === 'object' && event !== null && (event as { probe?: unknown }).probe === PROBE_EVENT.probe;
}

/** How a failed cloud call reads for the probe. */
export function classifyProbeError(api: CloudCallApi, error: unknown): ProbeCheck {
  const code = wxErrorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === -604101) return { api, status: 'no_permission', code, detail: `没有 ${api} 的云调用权限（-604101）` };
  if (code === -604100) return { api, status: 'misconfigured', code, detail: `云调用接口 ${api} 不存在（-604100），wx-server-sdk 版本可能不对` };
  if (code === 48001) return { api, status: 'misconfigured', code, detail: `小程序没有 ${api} 的接口权限（48001），需在小程序后台开通` };
  if (code === -604104) return { api, status: 'unverifiable', code, detail: `这种调用方式不能发起云调用（-604104），无法在部署机上验证 ${api}` };
  if (code === null || code < 0) return { api, status: 'unverifiable', code, detail: `${api} 调用失败，无法判断权限：${message}` };
  // A WeChat error about the made-up input: the gateway let the call through, so the permission is in effect.
  return { api, status: 'ok', code, detail: `已到达微信（对自检用的假数据回答 ${code}），云调用权限有效` };
}

export interface ProbeOptions {
  cloud: Pick<WxCloud, 'openapi'>;
  envVersion: () => EnvVersion;
  miniprogramState: () => MiniprogramState;
  /** The environment's templates; the shipped `config/subscribe-templates.json` by default. */
  templates?: unknown;
}

async function attempt(api: CloudCallApi, call: () => Promise<string>): Promise<ProbeCheck> {
  try {
    return { api, status: 'ok', code: 0, detail: await call() };
  } catch (error) {
    return classifyProbeError(api, error);
  }
}

/** The configured templates against the account's: each id there, each configured field among its keywords. */
async function checkTemplates(cloud: ProbeOptions['cloud'], configured: { key: string; template: SubscribeTemplate }[]): Promise<ProbeCheck> {
  const api: CloudCallApi = 'subscribeMessage.getTemplateList';
  let account: AccountTemplate[];
  try {
    account = (await cloud.openapi.subscribeMessage.getTemplateList({})).data ?? [];
  } catch (error) {
    return classifyProbeError(api, error);
  }
  if (configured.length === 0) return { api, status: 'skipped', code: 0, detail: `没有配置订阅消息模板（config/subscribe-templates.json 的 templateId 都为空），通知只进站内消息；账号里有 ${account.length} 个模板` };
  const problems: string[] = [];
  for (const { key, template } of configured) {
    const found = account.find((candidate) => candidate.priTmplId === template.templateId.trim());
    if (!found) {
      problems.push(`${key} 的模板 ${template.templateId} 不在小程序的“我的模板”里`);
      continue;
    }
    const keywords = new Set([...found.content.matchAll(/\{\{(\w+)\.DATA\}\}/g)].map((match) => match[1]));
    const missing = Object.keys(template.fields).filter((field) => !keywords.has(field));
    if (missing.length > 0) problems.push(`${key} 的模板「${found.title}」没有字段 ${missing.join('、')}（它有 ${[...keywords].join('、')}）`);
  }
  if (problems.length > 0) return { api, status: 'misconfigured', code: 0, detail: `config/subscribe-templates.json 与小程序后台不一致：${problems.join('；')}` };
  return { api, status: 'ok', code: 0, detail: `${configured.length} 个已配置的模板都在账号里，字段一致` };
}

/** Runs one check per declared API, in a fixed order, never stopping at a failure. */
export async function probeCloudCalls(functionName: string, apis: readonly CloudCallApi[], options: ProbeOptions): Promise<ProbeReport> {
  const { cloud } = options;
  const checks: ProbeCheck[] = [];
  const parsed = parseSubscribeTemplates(options.templates ?? shippedTemplates);
  const configured = parsed.ok ? SUBSCRIBE_TEMPLATE_KEYS.map((key) => ({ key, template: parsed.templates[key] })).filter(({ template }) => template.templateId.trim() !== '') : [];

  for (const api of CLOUD_CALL_APIS.filter((candidate) => apis.includes(candidate))) {
    if (api === 'security.msgSecCheck') {
      checks.push(
        await attempt(api, async () => {
          const answer = await cloud.openapi.security.msgSecCheck({ version: 2, openid: PROBE_OPENID, scene: 2, content: PROBE_TEXT });
          return `内容安全检查可用（固定文本的结论：${answer.result?.suggest ?? '无'}）`;
        }),
      );
    } else if (api === 'wxacode.getUnlimited') {
      checks.push(
        await attempt(api, async () => {
          const code = await cloud.openapi.wxacode.getUnlimited({ scene: PROBE_SCENE, page: SCENE_PAGE, checkPath: false, envVersion: options.envVersion() });
          if (!Buffer.isBuffer(code.buffer) || code.buffer.length === 0) throw new Error(`没有返回图片（${code.contentType ?? '无类型'}）`);
          return `小程序码可以生成（${code.buffer.length} 字节，未保存）`;
        }),
      );
    } else if (api === 'subscribeMessage.getTemplateList') {
      if (!parsed.ok) {
        checks.push({ api, status: 'misconfigured', code: null, detail: parsed.message });
        continue;
      }
      checks.push(await checkTemplates(cloud, configured));
    } else {
      const first = configured[0];
      if (!first) {
        checks.push({ api, status: 'skipped', code: null, detail: '没有配置订阅消息模板，不会发送订阅消息' });
        continue;
      }
      checks.push(
        await attempt(api, async () => {
          await cloud.openapi.subscribeMessage.send({
            touser: PROBE_OPENID,
            templateId: first.template.templateId.trim(),
            page: first.template.page,
            data: templateData(first.template.fields, { title: '部署自检', body: '部署自检', createdAt: Date.now() }),
            miniprogramState: options.miniprogramState(),
            lang: 'zh_CN',
          });
          return '订阅消息接口可用';
        }),
      );
    }
  }
  return { function: functionName, checks };
}

/** The probe's answer as an envelope, with the refusal for anyone but the deployer. */
export async function answerProbe(functionName: string, apis: readonly CloudCallApi[], options: ProbeOptions, callerIsDeployer: boolean): Promise<Envelope<ProbeReport>> {
  if (!callerIsDeployer) return { ok: false, error: { code: 'FORBIDDEN', message: '部署自检只能由部署脚本调用' } };
  return { ok: true, data: await probeCloudCalls(functionName, apis, options) };
}
