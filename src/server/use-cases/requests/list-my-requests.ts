import type { Page, TPageInput } from '../../../shared/contracts/common';
import type { TRequestView } from '../../../shared/contracts/requests';
import { toRequestView } from '../../views/request-view';
import type { ActionContext } from '../context';

export async function listMyRequests({ runtime, caller }: ActionContext, input: TPageInput): Promise<Page<TRequestView>> {
  return runtime.store.read(async (tx) => {
    const page = await tx.requests.listByResident(caller.id, input);
    const items: TRequestView[] = [];
    for (const request of page.items) items.push(await toRequestView(tx, runtime, caller, request));
    return { items, nextCursor: page.nextCursor };
  });
}
