import type { TAddProjectProgressInput } from '../../../shared/contracts/ledgers';
import { monthKeyOf } from '../../../shared/domain/periods';
import { AppError } from '../../../shared/errors';
import { loadOwnedProject } from './staff-project';
import { toProjectDetail } from '../../views/project-view';
import type { ActionContext } from '../context';

/** This month's progress entry (due by the 25th); entering it again the same month corrects it. */
export async function addProjectProgress({ runtime, caller }: ActionContext, input: TAddProjectProgressInput) {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const project = await loadOwnedProject(tx, caller, input.projectId);
    const previous = (await tx.projects.listProgress(project.id)).find((entry) => entry.month !== monthKeyOf(now));
    if (previous && input.percent < previous.percent) {
      throw new AppError('VALIDATION_FAILED', `完成百分比不能低于上月的 ${previous.percent}%`, [{ path: ['percent'], message: '不能低于上月' }]);
    }
    await tx.projects.saveProgress({ projectId: project.id, month: monthKeyOf(now), text: input.text, percent: input.percent, authorId: caller.id, createdAt: now });
    await tx.projects.update(project.id, 'in_progress', { updatedAt: now });
    return toProjectDetail(tx, runtime, caller, project);
  });
}
