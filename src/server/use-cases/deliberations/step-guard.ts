import type { DeliberationStatus } from '../../../shared/domain/deliberation-rules';
import { AppError } from '../../../shared/errors';
import type { DeliberationRecord } from '../../ports';

const WHERE_IT_IS: Record<DeliberationStatus, string> = {
  draft: '还是草稿，尚未发布公告',
  published: '正在公告和协商中',
  decided: '已经记录了协商结果',
  announced: '已经公示了结果',
};

/** The five steps go in order: anything else is refused with where the deliberation stands. */
export function requireStatus(deliberation: DeliberationRecord, expected: DeliberationStatus, doing: string): void {
  if (deliberation.status !== expected) throw new AppError('CONFLICT', `这个议题${WHERE_IT_IS[deliberation.status]}，不能${doing}`);
}
