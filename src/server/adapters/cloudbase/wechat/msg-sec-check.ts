import type { ContentCheck, ContentScene, ContentVerdict, Runtime } from '../../../ports';
import { wxErrorCode, type MsgSecCheckParams, type WxCloud } from './wx-cloud';

const SCENES: Readonly<Record<ContentScene, MsgSecCheckParams['scene']>> = { profile: 1, comment: 2, forum: 3, social: 4 };
/** msgSecCheck takes at most 2,500 characters; longer text is checked piece by piece. */
export const MSG_SEC_CHECK_MAX_CHARS = 2500;
const SEVERITY: Readonly<Record<ContentVerdict, number>> = { pass: 0, review: 1, risky: 2 };

function pieces(text: string): string[] {
  const points = Array.from(text);
  const result: string[] = [];
  for (let start = 0; start < points.length; start += MSG_SEC_CHECK_MAX_CHARS) result.push(points.slice(start, start + MSG_SEC_CHECK_MAX_CHARS).join(''));
  return result;
}

export interface MsgSecCheckOptions {
  cloud: Pick<WxCloud, 'openapi'>;
  log: Runtime['log'];
}

/**
 * WeChat's text check (`security.msgSecCheck` v2) for user text. Its `suggest` is the verdict. Any
 * failure (WeChat down, the user's session too old for v2, an odd answer) is 'review': a person looks
 * before the text is shown, and nothing passes unchecked.
 */
export function createMsgSecCheck(options: MsgSecCheckOptions): ContentCheck {
  const { cloud, log } = options;

  async function checkPiece(content: string, openid: string, scene: ContentScene): Promise<ContentVerdict> {
    try {
      const answer = await cloud.openapi.security.msgSecCheck({ version: 2, openid, scene: SCENES[scene], content });
      const suggest = answer.result?.suggest;
      if (suggest === 'pass' || suggest === 'review' || suggest === 'risky') return suggest;
      log('warn', 'msgSecCheck answered without a known suggest; held for review', answer);
      return 'review';
    } catch (error) {
      if (wxErrorCode(error) === -604101) {
        log('error', 'msgSecCheck has no cloud-call permission (-604101): every text is held for review until it is applied; run npm run deploy -- --probe-only and follow it', error);
      } else log('error', 'msgSecCheck failed; held for review', error);
      return 'review';
    }
  }

  return {
    async check(text, openid, scene) {
      if (text.trim() === '') return 'pass';
      let worst: ContentVerdict = 'pass';
      for (const piece of pieces(text)) {
        const verdict = await checkPiece(piece, openid, scene);
        if (SEVERITY[verdict] > SEVERITY[worst]) worst = verdict;
        if (worst === 'risky') break;
      }
      return worst;
    },
  };
}
