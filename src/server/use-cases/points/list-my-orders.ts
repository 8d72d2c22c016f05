import type { TPageInput } from '../../../shared/contracts/common';
import { toRedemptionView } from '../../views/redemption-view';
import type { ActionContext } from '../context';

/** The member's redemptions, in store and online, newest first. */
export async function listMyOrders({ runtime, caller }: ActionContext, input: TPageInput) {
  return runtime.store.read(async (tx) => {
    const page = await tx.redemptions.listForMember(caller.id, input);
    const items = [];
    for (const redemption of page.items) items.push(await toRedemptionView(tx, runtime, redemption, 'member'));
    return { items, nextCursor: page.nextCursor };
  });
}
