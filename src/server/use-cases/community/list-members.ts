import type { Page } from '../../../shared/contracts/common';
import type { TApplicationView, TListMembersInput } from '../../../shared/contracts/community';
import { loadGrid } from '../community-scope';
import { toApplicationViews } from '../../views/member-view';
import type { ActionContext } from '../context';

/** Members and volunteers of the caller's community, searchable by name, phone, skill or work unit. */
export async function listMembers(
  { runtime, caller }: ActionContext,
  input: TListMembersInput,
): Promise<Page<TApplicationView>> {
  return runtime.store.read(async (tx) => {
    if (input.gridId) await loadGrid(tx, caller, input.gridId);
    const page = await tx.members.list(caller.communityId, { status: input.status, keyword: input.keyword, gridId: input.gridId }, input);
    return { items: await toApplicationViews(tx, page.items), nextCursor: page.nextCursor };
  });
}
