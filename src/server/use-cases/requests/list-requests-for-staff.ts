import type { Page } from '../../../shared/contracts/common';
import type { TRequestView, TListRequestsForStaffInput } from '../../../shared/contracts/requests';
import type { RequestState } from '../../../shared/domain/request-state';
import { toRequestView } from '../../views/request-view';
import type { ActionContext } from '../context';

type Scope = 'needs_manual' | 'held' | 'open' | 'escalated' | 'finished';

const SCOPES: Record<Scope, readonly RequestState[]> = {
  needs_manual: ['needs_manual'],
  held: ['held'],
  open: ['submitted', 'dispatching', 'accepted', 'reopened', 'needs_manual'],
  escalated: ['escalated'],
  finished: ['completed', 'rated', 'cancelled'],
};

/** The community's requests for admins and grid workers (manual dispatch starts here). */
export async function listRequestsForStaff({ runtime, caller }: ActionContext, input: TListRequestsForStaffInput): Promise<Page<TRequestView>> {
  return runtime.store.read(async (tx) => {
    const page = await tx.requests.listByCommunity(caller.communityId, SCOPES[input.scope], input);
    const items: TRequestView[] = [];
    for (const request of page.items) items.push(await toRequestView(tx, runtime, caller, request));
    return { items, nextCursor: page.nextCursor };
  });
}
