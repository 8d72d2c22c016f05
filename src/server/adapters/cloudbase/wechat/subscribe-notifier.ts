import { z } from 'zod';
import shippedTemplates from '../../../../../config/subscribe-templates.json';
import { fieldKindOf, templateData } from '../../../../shared/domain/subscribe-fields';
import { templateKeyForKind, type SubscribeTemplate, type SubscribeTemplates } from '../../../../shared/domain/subscribe-templates';
import type { Clock, Notifier, OutboxRecord, PushSetupProblem, Runtime, Store } from '../../../ports';
import { wxErrorCode, type MiniprogramState, type WxCloud } from './wx-cloud';

const zSource = z.enum(['title', 'body', 'createdAt']);

const zTemplate = z
  .strictObject({
    templateId: z.string().trim().max(128),
    // A page path without a query: the notifier appends `?id=<requestId>` itself.
    page: z.string().regex(/^pages\/[A-Za-z0-9_/-]+$/, 'page 应为小程序页面路径，如 pages/inbox/index'),
    fields: z.record(z.string(), zSource),
  })
  .superRefine((template, context) => {
    for (const [name, source] of Object.entries(template.fields)) {
      const kind = fieldKindOf(name);
      if (!kind) context.addIssue({ code: 'custom', path: ['fields', name], message: `不支持的字段 ${name}（应为 thing1、time2 这类名称）` });
      else if ((kind === 'time' || kind === 'date') && source !== 'createdAt') {
        context.addIssue({ code: 'custom', path: ['fields', name], message: `${name} 是时间字段，只能填 createdAt` });
      }
    }
    if (template.templateId !== '' && Object.keys(template.fields).length === 0) {
      context.addIssue({ code: 'custom', path: ['fields'], message: '配置了模板编号的模板至少要有一个字段' });
    }
  });

const zTemplates = z.strictObject({ task: zTemplate, progress: zTemplate, notice: zTemplate });

export type TemplatesParse = { ok: true; templates: SubscribeTemplates } | { ok: false; message: string };

/** `config/subscribe-templates.json` (or another environment's copy), checked field by field. */
export function parseSubscribeTemplates(raw: unknown): TemplatesParse {
  const parsed = zTemplates.safeParse(raw);
  if (parsed.success) {
    const templates: SubscribeTemplates = parsed.data;
    return { ok: true, templates };
  }
  const message = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  return { ok: false, message: `config/subscribe-templates.json 无效：${message}` };
}

/**
 * WeChat errors that come back the same on every retry for this one message (bad openid or field
 * value, content refused): it goes to the inbox instead, logged as an error.
 */
const PERMANENT_ERRORS = new Set([40003, 40036, 47003, 45168]);
/** No authorisation left on WeChat's side. */
const NO_AUTHORISATION = 43101;

/**
 * Errors that stop every push until someone changes the set-up: the cloud-call gateway's (the
 * function lacks the permission, or cannot call from here) and the mini-program's or templates'
 * configuration. Retrying them every minute is pointless: the scheduler tells the admins and backs off.
 */
export const PUSH_SETUP_ERRORS: ReadonlyMap<number, PushSetupProblem> = new Map([
  [-604101, { kind: 'permission', code: -604101, hint: '云函数 scheduler 还没有发送订阅消息的云调用权限（-604101）。请部署人员运行 npm run deploy -- scheduler，按部署最后的自检提示处理。' }],
  [-604104, { kind: 'permission', code: -604104, hint: '云调用被拒绝：调用来源不合法（-604104）。请部署人员检查 scheduler 的定时触发器是否由部署脚本创建，并运行 npm run deploy -- --probe-only 自检。' }],
  [-604100, { kind: 'configuration', code: -604100, hint: '云调用接口不存在（-604100）。请部署人员更新 wx-server-sdk 后重新部署 scheduler。' }],
  [48001, { kind: 'configuration', code: 48001, hint: '小程序没有订阅消息接口权限（48001）。请在小程序后台 → 功能 → 订阅消息 开通，并选好模板。' }],
  [40037, { kind: 'configuration', code: 40037, hint: '订阅消息模板编号无效（40037）。请核对 config/subscribe-templates.json 的 templateId 与小程序后台 → 订阅消息 → 我的模板 一致，然后重新部署。' }],
  [41030, { kind: 'configuration', code: 41030, hint: '订阅消息要打开的页面不存在（41030）：页面需在已发布的版本里。请先发布小程序，体验期间把 WX_MINIPROGRAM_STATE 设为 trial 后重新部署。' }],
]);

/** An error that carries its set-up problem, as the scheduler recognises it. */
export function pushSetupError(problem: PushSetupProblem, detail: string): Error & { pushSetup: PushSetupProblem } {
  return Object.assign(new Error(`${problem.hint} (${detail})`), { pushSetup: problem });
}

export interface SubscribeNotifierOptions {
  cloud: Pick<WxCloud, 'openapi'>;
  store: Store;
  clock: Clock;
  log: Runtime['log'];
  /** Read at each delivery (it may throw on a misconfigured environment variable). */
  miniprogramState: () => MiniprogramState;
  /** The environment's templates; the shipped `config/subscribe-templates.json` by default. */
  templates?: unknown;
}

/**
 * Subscribe messages (订阅消息) for the outbox. A message goes out only when its kind has a
 * configured template and the member has an unused one-time authorisation for it; otherwise it
 * stays in the in-app inbox ('inbox'), which lists the outbox anyway. Returns 'subscribe' when
 * WeChat took it; throws on a failure, after giving the authorisation back, so the scheduler tries
 * again after a back-off (an error with `pushSetup` when the set-up, not the moment, is at fault).
 */
export function createSubscribeNotifier(options: SubscribeNotifierOptions): Notifier {
  const { cloud, store, clock, log } = options;
  const config = parseSubscribeTemplates(options.templates ?? shippedTemplates);
  if (!config.ok) log('error', config.message);

  async function send(message: OutboxRecord, template: SubscribeTemplate, openid: string, templateId: string) {
    await cloud.openapi.subscribeMessage.send({
      touser: openid,
      templateId,
      page: message.requestId ? `${template.page}?id=${encodeURIComponent(message.requestId)}` : template.page,
      data: templateData(template.fields, message),
      miniprogramState: options.miniprogramState(),
      lang: 'zh_CN',
    });
  }

  return {
    async deliver(message) {
      const key = templateKeyForKind(message.kind);
      if (!key) return 'inbox';
      // A broken template file keeps messages undelivered (the admins told, retried with back-off) rather than dropping pushes.
      if (!config.ok) throw pushSetupError({ kind: 'configuration', code: null, hint: `订阅消息模板配置有误：${config.message}。请部署人员改好 config/subscribe-templates.json 后重新部署。` }, 'template file');
      const template = config.templates[key];
      const templateId = template.templateId.trim();
      if (!templateId) return 'inbox';

      const user = await store.read((tx) => tx.users.getById(message.userId));
      if (!user || !user.openid) return 'inbox';
      const consumed = await store.transaction((tx) => tx.subscriptions.consume(user.id, key));
      if (!consumed) return 'inbox';

      try {
        await send(message, template, user.openid, templateId);
        return 'subscribe';
      } catch (error) {
        const code = wxErrorCode(error);
        if (code === NO_AUTHORISATION) {
          await store.transaction((tx) => tx.subscriptions.reset(user.id, key));
          return 'inbox';
        }
        // WeChat did not take the message, so the authorisation is still the member's: count it back.
        const at = clock.now();
        await store.transaction((tx) => tx.subscriptions.grant(user.id, [key], at));
        if (code !== null && PERMANENT_ERRORS.has(code)) {
          log('error', `subscribe message ${message.id} (${key}) refused by WeChat (${code}); left in the inbox`, error);
          return 'inbox';
        }
        const setup = code === null ? undefined : PUSH_SETUP_ERRORS.get(code);
        if (setup) throw pushSetupError(setup, error instanceof Error ? error.message : String(error));
        throw error;
      }
    },
  };
}
