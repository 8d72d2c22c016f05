import type { Page } from '../../../shared/contracts/common';
import type { TApplicationView, TListApplicationsInput } from '../../../shared/contracts/community';
import { toApplicationViews } from '../../views/member-view';
import type { ActionContext } from '../context';

export async function listApplications({ runtime, caller }: ActionContext, input: TListApplicationsInput): Promise<Page<TApplicationView>> {
  return runtime.store.read(async (tx) => {
    const page = await tx.members.list(caller.communityId, { status: input.status }, input);
    return { items: await toApplicationViews(tx, page.items), nextCursor: page.nextCursor };
  });
}
