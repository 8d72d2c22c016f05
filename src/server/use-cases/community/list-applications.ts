import type { Page, TPageInput } from '../../../shared/contracts/common';
import type { TApplicationView } from '../../../shared/contracts/community';
import type { MemberStatus } from '../../ports';
import { toApplicationViews } from '../../views/member-view';
import type { ActionContext } from '../context';

export async function listApplications({ runtime, caller }: ActionContext, input: TPageInput & { status: MemberStatus }): Promise<Page<TApplicationView>> {
  return runtime.store.read(async (tx) => {
    const page = await tx.members.list(caller.communityId, { status: input.status }, input);
    return { items: await toApplicationViews(tx, page.items), nextCursor: page.nextCursor };
  });
}
