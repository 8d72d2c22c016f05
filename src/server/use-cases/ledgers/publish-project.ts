import type { TPublishProjectInput } from '../../../shared/contracts/ledgers';
import { privateEcho } from '../../../shared/domain/public-text';
import { AppError } from '../../../shared/errors';
import { isPublishable, loadProject, toProjectDetail } from '../../views/project-view';
import type { ActionContext } from '../context';

/**
 * An admin puts a project on residents' list in a title and summary written for the public (the page
 * shows them as residents will see them first). A project from a private matter cannot be published;
 * the text may not name the resident, give their phone or address, or quote their words.
 */
export async function publishProject({ runtime, caller }: ActionContext, input: TPublishProjectInput) {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const project = await loadProject(tx, caller, input.projectId);
    if (!(await isPublishable(tx, project))) throw new AppError('CONFLICT', '这件事涉及居民个人隐私（如矛盾调解、上门探访），不能公开');
    const request = project.requestId ? await tx.requests.get(project.requestId) : null;
    if (request) {
      const resident = await tx.users.getById(request.residentId);
      const facts = { name: resident?.name ?? request.contactName, phone: request.contactPhone, address: request.address, words: request.description };
      for (const [path, text] of [['title', input.title], ['summary', input.summary]] as const) {
        const echo = privateEcho(text, facts);
        if (echo) throw new AppError('VALIDATION_FAILED', echo, [{ path: [path], message: echo }]);
      }
    }
    const same = project.publicTitle === input.title && project.publicSummary === input.summary && project.publishedAt !== null;
    if (!same) {
      const moved = await tx.projects.update(project.id, project.status, { publicTitle: input.title, publicSummary: input.summary, publishedAt: now, publishedBy: caller.id, updatedAt: now });
      if (!moved) throw new AppError('CONFLICT', '项目状态已变化，请刷新后重试');
    }
    return toProjectDetail(tx, runtime, caller, (await tx.projects.get(project.id)) ?? project);
  });
}
