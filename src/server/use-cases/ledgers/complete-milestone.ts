import type { TCompleteMilestoneInput } from '../../../shared/contracts/ledgers';
import { AppError } from '../../../shared/errors';
import { loadOwnedProject } from './staff-project';
import { toProjectDetail } from '../../views/project-view';
import type { ActionContext } from '../context';

/** Marks one milestone done; marking it again changes nothing. */
export async function completeMilestone({ runtime, caller }: ActionContext, input: TCompleteMilestoneInput) {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const project = await loadOwnedProject(tx, caller, input.projectId);
    const milestone = project.milestones[input.index];
    if (!milestone) throw new AppError('NOT_FOUND', '没有这个推进节点');
    if (milestone.doneAt === null) {
      const milestones = project.milestones.map((item, index) => (index === input.index ? { ...item, doneAt: now } : item));
      if (!(await tx.projects.update(project.id, 'in_progress', { milestones, updatedAt: now }))) throw new AppError('CONFLICT', '这个项目已经销账，不能再修改');
    }
    return toProjectDetail(tx, runtime, caller, (await tx.projects.get(project.id)) ?? project);
  });
}
