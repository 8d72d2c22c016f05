import Taro from '@tarojs/taro';
import templates from '../../config/subscribe-templates.json';
import { grantedKeys, templatesToAsk, type TemplateAsk } from '../shared/domain/subscribe-choice';
import type { SubscribeTemplateKey } from '../shared/domain/subscribe-templates';
import { grantSubscriptions } from './community';

const NOTHING_ASKED: Promise<void> = Promise.resolve();

/**
 * Asks the user (WeChat's own prompt) to allow one push message per template, and tells the server which
 * ones they accepted, so it knows how many it may send. WeChat accepts this only during a tap: call it
 * synchronously, first thing in a tap handler, before any `await`.
 *
 * Never throws into the page; without it messages still reach the in-app inbox. Does nothing outside
 * WeChat. The promise settles once the user has answered the prompt (never rejects): a handler that
 * navigates away may await it first so the prompt is not cut short.
 */
export function askForSubscriptions(keys: readonly SubscribeTemplateKey[]): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return NOTHING_ASKED;
  let asked: TemplateAsk[];
  try {
    asked = templatesToAsk(keys, templates);
  } catch {
    return NOTHING_ASKED;
  }
  if (asked.length === 0) return NOTHING_ASKED;
  return new Promise<void>((settle) => {
    const report = (result: unknown) => {
      try {
        const granted = grantedKeys(asked, result);
        if (granted.length > 0) grantSubscriptions(granted).catch(() => undefined);
      } catch {
        // Not counted on the server: the message then stays in the inbox, which is fine.
      }
    };
    try {
      const option = { tmplIds: asked.map((ask) => ask.templateId), success: report, complete: () => settle() };
      // Taro's type also demands Alipay's `entityIds`; WeChat takes `tmplIds` alone.
      const pending: unknown = Taro.requestSubscribeMessage(option as unknown as Taro.requestSubscribeMessage.Option);
      // Taro promisifies the call: its rejection (the user closed the prompt, an old WeChat) is not an error here.
      if (pending instanceof Promise) pending.catch(() => settle());
    } catch {
      settle();
    }
  });
}
