import type { TProjectRef } from '../../../shared/contracts/ledgers';
import { AppError } from '../../../shared/errors';
import { loadProject, toProjectViews } from '../../views/project-view';
import type { ActionContext } from '../context';

/** A resident supports a published project once; a second tap (or a retry) leaves the count as it is. */
export async function supportProject({ runtime, caller }: ActionContext, input: TProjectRef) {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const project = await loadProject(tx, caller, input.projectId);
    if (project.status !== 'in_progress') throw new AppError('CONFLICT', '这个项目已经办结，不再征集支持');
    await tx.projects.addSupport(project.id, caller.id, now);
    const [view] = await toProjectViews(tx, runtime, caller, [(await tx.projects.get(project.id)) ?? project]);
    return view;
  });
}
