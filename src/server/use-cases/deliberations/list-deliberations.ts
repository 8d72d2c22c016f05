import type { TDeliberationRef } from '../../../shared/contracts/deliberations';
import type { TPageInput } from '../../../shared/contracts/common';
import { loadDeliberation, toDeliberationView } from '../../views/deliberation-view';
import type { ActionContext } from '../context';

/** The community's deliberations, newest first; drafts only for admins. */
export async function listDeliberations({ runtime, caller }: ActionContext, input: TPageInput) {
  return runtime.store.read(async (tx) => {
    const page = await tx.deliberations.list(caller.communityId, caller.roles.includes('admin'), input);
    const items = [];
    for (const deliberation of page.items) items.push(await toDeliberationView(tx, runtime, caller, deliberation));
    return { items, nextCursor: page.nextCursor };
  });
}

export async function getDeliberation({ runtime, caller }: ActionContext, input: TDeliberationRef) {
  return runtime.store.read(async (tx) => toDeliberationView(tx, runtime, caller, await loadDeliberation(tx, caller, input.deliberationId)));
}
