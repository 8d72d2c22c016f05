import { SUBSCRIBE_TEMPLATE_KEYS, type SubscribeTemplateKey } from './subscribe-templates';

/** WeChat asks about at most this many templates in one prompt (`wx.requestSubscribeMessage`). */
export const MAX_TEMPLATES_PER_PROMPT = 5;

export interface TemplateAsk {
  key: SubscribeTemplateKey;
  templateId: string;
}

/**
 * Which templates to ask for at a tap: the wanted keys that this environment configured (an empty id
 * means "not configured": not asked, the inbox still works), each template once, at most five.
 * When two keys share one template id only the first is kept: one accepted prompt allows one message,
 * so it must not be counted twice.
 */
export function templatesToAsk(keys: readonly SubscribeTemplateKey[], templates: Readonly<Record<SubscribeTemplateKey, { templateId: string }>>): TemplateAsk[] {
  const asks: TemplateAsk[] = [];
  const seen = new Set<string>();
  for (const key of keys) {
    if (!SUBSCRIBE_TEMPLATE_KEYS.includes(key)) continue;
    const templateId = templates[key]?.templateId.trim() ?? '';
    if (templateId === '' || seen.has(templateId)) continue;
    seen.add(templateId);
    asks.push({ key, templateId });
    if (asks.length === MAX_TEMPLATES_PER_PROMPT) break;
  }
  return asks;
}

/**
 * The keys the user granted, from `requestSubscribeMessage`'s answer (template id → 'accept' | 'reject' |
 * 'ban' | 'filter', next to `errMsg`): only 'accept' counts; anything missing or odd counts as no.
 */
export function grantedKeys(asked: readonly TemplateAsk[], result: unknown): SubscribeTemplateKey[] {
  if (typeof result !== 'object' || result === null) return [];
  const answers = result as Record<string, unknown>;
  return asked.filter((ask) => answers[ask.templateId] === 'accept').map((ask) => ask.key);
}
