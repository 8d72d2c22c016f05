import type { TCreateProjectInput, TProjectDetail } from '../../../shared/contracts/ledgers';
import { AppError } from '../../../shared/errors';
import { loadUser } from '../community-scope';
import { openProject } from './open-project';
import { toProjectDetail } from '../../views/project-view';
import type { ActionContext } from '../context';

/** An admin puts a livelihood project (民生实事) on the ledger with its owner, target date and milestones. */
export async function createProject({ runtime, caller }: ActionContext, input: TCreateProjectInput): Promise<TProjectDetail> {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const ownerId = input.ownerId ?? caller.id;
    const owner = await loadUser(tx, caller, ownerId);
    if (!owner.roles.some((role) => role === 'admin' || role === 'grid_worker')) {
      throw new AppError('VALIDATION_FAILED', `${owner.name}不是社区工作人员，请选择管理员或网格员负责`, [{ path: ['ownerId'], message: '负责人须是管理员或网格员' }]);
    }
    const late = input.milestones.find((milestone) => milestone.dueDate > input.targetDate);
    if (late) throw new AppError('VALIDATION_FAILED', `节点「${late.title}」晚于完成时限`, [{ path: ['milestones'], message: '节点日期不能晚于完成时限' }]);
    const project = await openProject(tx, { ...input, communityId: caller.communityId, ownerId, source: 'admin', requestId: null, createdBy: caller.id }, now);
    return toProjectDetail(tx, runtime, caller, project);
  });
}
