import { AppError } from '../../shared/errors';
import type { Caller, ContentScene, Runtime } from '../ports';

export const RISKY_TEXT_MESSAGE = '内容含有不适宜的信息，请修改后再提交';
export const REVIEW_TEXT_MESSAGE = '内容需要人工审核，请换个说法或联系社区';

/**
 * Checks a request's description (msgSecCheck v2 in production, the word list locally) before the
 * transaction: the check is a call out that may be retried, so it never runs inside one.
 * 'risky' is refused with nothing written; 'review' answers true: store the request held for an admin.
 */
export async function checkRequestText(runtime: Runtime, caller: Caller, text: string): Promise<{ held: boolean }> {
  const verdict = await runtime.contentCheck.check(text, caller.openid, 'forum');
  if (verdict === 'risky') throw new AppError('CONTENT_REJECTED', RISKY_TEXT_MESSAGE);
  return { held: verdict === 'review' };
}

/**
 * Checks short text others will read (comments, ratings, notes, reasons) before the transaction.
 * There is no held store for these: 'review' is refused too, with a way forward. Empty text is not checked.
 */
export async function checkCommentText(runtime: Runtime, caller: Caller, text: string, scene: ContentScene = 'comment'): Promise<void> {
  if (text.trim() === '') return;
  const verdict = await runtime.contentCheck.check(text, caller.openid, scene);
  if (verdict === 'risky') throw new AppError('CONTENT_REJECTED', RISKY_TEXT_MESSAGE);
  if (verdict === 'review') throw new AppError('CONTENT_REJECTED', REVIEW_TEXT_MESSAGE);
}
