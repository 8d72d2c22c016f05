import { z } from 'zod';
import shippedTemplates from '../../../../../config/subscribe-templates.json';
import { fieldKindOf, templateData } from '../../../../shared/domain/subscribe-fields';
import { templateKeyForKind, type SubscribeTemplate, type SubscribeTemplates } from '../../../../shared/domain/subscribe-templates';
import type { Clock, Notifier, OutboxRecord, Runtime, Store } from '../../../ports';
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
 * WeChat errors that come back the same on every retry for this message or template (bad openid,
 * template id, page or field value; content refused). The scheduler retries a thrown delivery
 * forever and takes the oldest 100 undelivered messages each run, so throwing on these would
 * block every later message: they go to the inbox instead, logged as errors for the admin.
 */
const PERMANENT_ERRORS = new Set([40003, 40036, 40037, 41030, 47003, 45168]);
/** No authorisation left on WeChat's side. */
const NO_AUTHORISATION = 43101;

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
 * WeChat took it; throws on a transient failure, after giving the authorisation back, so the
 * scheduler tries again on its next run.
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
      // A broken template file keeps messages undelivered (and logged each run) rather than dropping pushes.
      if (!config.ok) throw new Error(config.message);
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
        throw error;
      }
    },
  };
}
