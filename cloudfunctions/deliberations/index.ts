import { deliberationsContract } from '../../src/shared/contracts/deliberations';
import { defineFunction } from '../../src/server/functions/define-function';
import { announceDeliberation } from '../../src/server/use-cases/deliberations/announce-deliberation';
import { commentDeliberation } from '../../src/server/use-cases/deliberations/comment-deliberation';
import { createDeliberation } from '../../src/server/use-cases/deliberations/create-deliberation';
import { decideDeliberation } from '../../src/server/use-cases/deliberations/decide-deliberation';
import { getDeliberation, listDeliberations } from '../../src/server/use-cases/deliberations/list-deliberations';
import { publishDeliberation } from '../../src/server/use-cases/deliberations/publish-deliberation';
import { voteDeliberation } from '../../src/server/use-cases/deliberations/vote-deliberation';

/** 五步议事法: 制定方案 → 发布公告 → 组织协商 (discussion and one vote each) → 结果运用 → 反馈公示. */
export const main = defineFunction('deliberations', deliberationsContract, {
  createDraft: createDeliberation,
  publish: publishDeliberation,
  list: listDeliberations,
  get: getDeliberation,
  vote: voteDeliberation,
  comment: commentDeliberation,
  decide: decideDeliberation,
  announce: announceDeliberation,
});
