import type { TPageInput } from '../../../shared/contracts/common';
import { toCentralHouseholdView } from '../../views/structure-view';
import type { ActionContext } from '../context';

export async function listCentralHouseholds({ runtime, caller }: ActionContext, input: TPageInput) {
  return runtime.store.read(async (tx) => {
    const page = await tx.communities.listCentralHouseholds(caller.communityId, input);
    const items = [];
    for (const record of page.items) items.push(await toCentralHouseholdView(tx, record));
    return { items, nextCursor: page.nextCursor };
  });
}
