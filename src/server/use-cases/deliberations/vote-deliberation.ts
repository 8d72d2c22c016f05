import type { TVoteDeliberationInput } from '../../../shared/contracts/deliberations';
import { votingPhase } from '../../../shared/domain/deliberation-rules';
import { AppError } from '../../../shared/errors';
import { requireStatus } from './step-guard';
import { loadDeliberation, toDeliberationView } from '../../views/deliberation-view';
import type { ActionContext } from '../context';

/** 组织协商: one vote per eligible resident inside the window; the same vote again is a harmless retry. */
export async function voteDeliberation({ runtime, caller }: ActionContext, input: TVoteDeliberationInput) {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const deliberation = await loadDeliberation(tx, caller, input.deliberationId);
    requireStatus(deliberation, 'published', '投票');
    const phase = votingPhase(deliberation, now);
    if (phase === 'not_started') throw new AppError('CONFLICT', '投票还没有开始');
    if (phase === 'closed') throw new AppError('CONFLICT', '投票已经截止');
    if (input.option >= deliberation.options.length) throw new AppError('VALIDATION_FAILED', '没有这个选项', [{ path: ['option'], message: '没有这个选项' }]);
    if (!(await tx.deliberations.isVoter(deliberation.id, caller.id))) throw new AppError('FORBIDDEN', '这个议题只请相关楼栋的居民投票');
    if (!(await tx.deliberations.insertVote(deliberation.id, caller.id, input.option, now))) {
      const earlier = await tx.deliberations.getVote(deliberation.id, caller.id);
      if (earlier !== input.option) throw new AppError('CONFLICT', '您已经投过票了，每人只能投一次');
    }
    return toDeliberationView(tx, runtime, caller, deliberation);
  });
}
