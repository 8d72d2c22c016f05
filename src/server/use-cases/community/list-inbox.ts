import type { TPageInput } from '../../../shared/contracts/common';
import type { TInboxItem } from '../../../shared/contracts/community';
import type { ActionContext } from '../context';

export async function listInbox({ runtime, caller }: ActionContext, input: TPageInput) {
  return runtime.store.read(async (tx) => {
    const page = await tx.outbox.listForUser(caller.id, input);
    const items: TInboxItem[] = page.items.map((message) => ({
      id: message.id,
      title: message.title,
      body: message.body,
      requestId: message.requestId,
      createdAt: new Date(message.createdAt).toISOString(),
      read: message.readAt !== null,
    }));
    return { items, nextCursor: page.nextCursor };
  });
}
