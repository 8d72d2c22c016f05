/**
 * Subscribe-message templates, by key. Each environment fills `config/subscribe-templates.json`
 * with its own template ids and field names (chosen in the mini-program console); an empty id
 * means "not configured": the client does not ask, and messages stay in the in-app inbox.
 *
 * - task: a member is offered, assigned or reminded of a task (asked when accepting a task);
 * - progress: a resident's request moved (accepted, completed, answered) (asked when submitting);
 * - notice: everything else worth a push (points, projects, duty, activities) (asked with either).
 */
export const SUBSCRIBE_TEMPLATE_KEYS = ['task', 'progress', 'notice'] as const;
export type SubscribeTemplateKey = (typeof SUBSCRIBE_TEMPLATE_KEYS)[number];

/** What a template field is filled from: the outbox message's title, body or time. */
export type TemplateSource = 'title' | 'body' | 'createdAt';

export interface SubscribeTemplate {
  templateId: string;
  /** The page the message opens. */
  page: string;
  /** WeChat field name (`thing1`, `time3`, …) → what fills it; the prefix names the field's kind and limit. */
  fields: Record<string, TemplateSource>;
}

export type SubscribeTemplates = Record<SubscribeTemplateKey, SubscribeTemplate>;

/** Which template a notification kind goes out with (unlisted kinds stay in the inbox only). */
export function templateKeyForKind(kind: string): SubscribeTemplateKey | null {
  if (kind.startsWith('task_') || kind === 'offered' || kind === 'wish_claimed' || kind === 'needs_manual' || kind === 'held_for_review') return 'task';
  if (kind.startsWith('request_') || kind === 'suggestion_replied' || kind === 'escalation_answered') return 'progress';
  if (kind.startsWith('points_') || kind.startsWith('project_') || kind.startsWith('order_') || kind.startsWith('duty_') || kind === 'evaluation') return 'notice';
  return null;
}
