import type { TPageInput } from '../../../shared/contracts/common';
import { toProjectViews } from '../../views/project-view';
import type { ActionContext } from '../context';

/** 晒清单: the community's published projects, newest first, as residents see them. */
export async function listPublishedProjects({ runtime, caller }: ActionContext, input: TPageInput) {
  return runtime.store.read(async (tx) => {
    const page = await tx.projects.list(caller.communityId, null, input, true);
    return { items: await toProjectViews(tx, runtime, caller, page.items), nextCursor: page.nextCursor };
  });
}
