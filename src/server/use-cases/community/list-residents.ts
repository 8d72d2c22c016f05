import type { TListResidentsInput } from '../../../shared/contracts/community';
import { toResidentView } from '../../views/resident-view';
import type { ActionContext } from '../context';

export async function listResidents({ runtime, caller }: ActionContext, input: TListResidentsInput) {
  return runtime.store.read(async (tx) => {
    const page = await tx.users.search(caller.communityId, { keyword: input.keyword, role: 'resident' }, input);
    const gridNames = new Map((await tx.communities.listGrids(caller.communityId)).map((grid) => [grid.id, grid.name]));
    return { items: page.items.map((user) => toResidentView(user, gridNames)), nextCursor: page.nextCursor };
  });
}
