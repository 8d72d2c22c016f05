import type { TPageInput } from '../../../shared/contracts/common';
import type { ProjectStatus } from '../../../shared/domain/project-rules';
import { toProjectViews } from '../../views/project-view';
import type { ActionContext } from '../context';

/** 民生实事台账 for staff, and the published list (晒清单) for residents: the community's projects, newest first. */
export async function listProjects({ runtime, caller }: ActionContext, input: TPageInput & { status?: ProjectStatus }) {
  return runtime.store.read(async (tx) => {
    const page = await tx.projects.list(caller.communityId, input.status ?? null, input);
    return { items: await toProjectViews(tx, runtime, caller, page.items), nextCursor: page.nextCursor };
  });
}

