import type { ContentCheck, ContentVerdict } from '../../ports';

/**
 * The local stand-in for msgSecCheck: a short word list, so the held-for-review path can be
 * exercised without WeChat. Production checks with WeChat's own model.
 */
const RISKY = ['赌博', '代开发票', '办证', '枪支', '毒品', '色情'];
const REVIEW = ['上访', '游行', '维权群', '集体讨说法'];

export const wordListContentCheck: ContentCheck = {
  async check(text): Promise<ContentVerdict> {
    if (RISKY.some((word) => text.includes(word))) return 'risky';
    if (REVIEW.some((word) => text.includes(word))) return 'review';
    return 'pass';
  },
};
