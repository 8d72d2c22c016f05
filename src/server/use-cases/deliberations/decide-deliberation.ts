import type { TDecideDeliberationInput } from '../../../shared/contracts/deliberations';
import { votingPhase } from '../../../shared/domain/deliberation-rules';
import { addDays, chinaDateKey } from '../../../shared/domain/periods';
import { AppError } from '../../../shared/errors';
import { requireStatus } from './step-guard';
import { openProject } from '../ledgers/open-project';
import { loadDeliberation, toDeliberationView } from '../../views/deliberation-view';
import type { ActionContext } from '../context';

/** 结果运用: after the vote closes the admin records what was decided and what will be done; it may become a livelihood project. */
export async function decideDeliberation({ runtime, caller }: ActionContext, input: TDecideDeliberationInput) {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const deliberation = await loadDeliberation(tx, caller, input.deliberationId);
    requireStatus(deliberation, 'published', '记录协商结果');
    if (votingPhase(deliberation, now) !== 'closed') throw new AppError('CONFLICT', '投票还没有截止，不能记录协商结果');
    let projectId: string | null = null;
    if (input.project) {
      if (input.project.targetDate < chinaDateKey(now)) throw new AppError('VALIDATION_FAILED', '完成时限不能早于今天', [{ path: ['project', 'targetDate'], message: '完成时限不能早于今天' }]);
      const project = await openProject(
        tx,
        {
          communityId: deliberation.communityId,
          title: deliberation.title,
          description: `${input.decision}\n落实措施：${input.actions}`,
          ownerDepartment: input.project.ownerDepartment,
          ownerId: caller.id,
          targetDate: input.project.targetDate,
          source: 'deliberation',
          requestId: null,
          milestones: [
            { title: '启动实施', dueDate: [addDays(chinaDateKey(now), 30), input.project.targetDate].sort()[0] },
            { title: '完成并验收', dueDate: input.project.targetDate },
          ],
          createdBy: caller.id,
        },
        now,
      );
      projectId = project.id;
    }
    if (!(await tx.deliberations.update(deliberation.id, 'published', { status: 'decided', decision: input.decision, actions: input.actions, projectId, decidedAt: now }))) {
      throw new AppError('CONFLICT', '这个议题已经记录了协商结果');
    }
    return toDeliberationView(tx, runtime, caller, (await tx.deliberations.get(deliberation.id)) ?? deliberation);
  });
}
