import type { TWriteOffProjectInput } from '../../../shared/contracts/ledgers';
import { AppError } from '../../../shared/errors';
import { enqueueNotification } from '../../notify';
import { loadProject, toProjectDetail } from '../../views/project-view';
import type { ActionContext } from '../context';

/** 销账: a project whose milestones are all done leaves the running ledger, with a closing note. */
export async function writeOffProject({ runtime, caller }: ActionContext, input: TWriteOffProjectInput) {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const project = await loadProject(tx, caller, input.projectId);
    if (project.status === 'written_off') {
      if (project.writeOffNote === input.note) return toProjectDetail(tx, runtime, caller, project);
      throw new AppError('CONFLICT', '这个项目已经销账了');
    }
    const open = project.milestones.filter((milestone) => milestone.doneAt === null);
    if (open.length > 0) throw new AppError('CONFLICT', `还有 ${open.length} 个推进节点没有完成（${open.map((milestone) => milestone.title).join('、')}），不能销账`);
    if (!(await tx.projects.update(project.id, 'in_progress', { status: 'written_off', writtenOffAt: now, writeOffNote: input.note, updatedAt: now }))) {
      throw new AppError('CONFLICT', '这个项目已经销账了');
    }
    if (project.requestId) {
      const request = await tx.requests.get(project.requestId);
      if (request) {
        await tx.events.append({ requestId: request.id, at: now, kind: 'project_done', actorId: caller.id, text: `民生实事「${project.title}」已完成销账：${input.note}` });
        await enqueueNotification(tx, { userId: request.residentId, kind: 'project_done', title: '您反映的问题已办结', body: `「${project.title}」已完成：${input.note}`, requestId: request.id }, now);
      }
    }
    return toProjectDetail(tx, runtime, caller, (await tx.projects.get(project.id)) ?? project);
  });
}
