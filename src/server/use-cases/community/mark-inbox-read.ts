import type { TMarkInboxReadInput } from '../../../shared/contracts/community';
import type { ActionContext } from '../context';

export async function markInboxRead({ runtime, caller }: ActionContext, input: TMarkInboxReadInput) {
  const now = runtime.clock.now();
  const updated = await runtime.store.transaction((tx) => tx.outbox.markRead(caller.id, input.ids, now));
  return { updated };
}
