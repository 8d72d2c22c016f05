import type { TListProjectsInput } from '../../../shared/contracts/ledgers';
import { toProjectViews } from '../../views/project-view';
import type { ActionContext } from '../context';

/** 民生实事台账 for staff, and the published list (晒清单) for residents: the community's projects, newest first. */
export async function listProjects({ runtime, caller }: ActionContext, input: TListProjectsInput) {
  return runtime.store.read(async (tx) => {
    const page = await tx.projects.list(caller.communityId, input.status ?? null, input);
    return { items: await toProjectViews(tx, runtime, caller, page.items), nextCursor: page.nextCursor };
  });
}

