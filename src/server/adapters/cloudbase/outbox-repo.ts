import type { OutboxRecord, OutboxRepo } from '../../ports';
import type { Doc, DocDb, DocSession } from './doc-db';
import { toDoc, orNull } from './doc-db';
import { findPage } from './paging';

/*
 * Collections written here:
 *   outbox   `_id` = message id: the OutboxRecord (`readAt` / `deliveredAt` stored as null until set,
 *            so `readAt: null` and `deliveredAt: null` select the unread and the undelivered).
 * `countUnread` is one `count` query, never a read of the messages. Queries read committed data:
 * this repository — bound to one transaction — corrects the unread count by the messages it
 * enqueued or marked read itself (not needed, and not done, outside a transaction).
 */

export const OUTBOX = 'outbox';

function toOutbox(doc: Doc): OutboxRecord {
  return {
    id: String(doc.id),
    userId: String(doc.userId),
    kind: String(doc.kind),
    title: String(doc.title),
    body: String(doc.body),
    requestId: orNull<string>(doc.requestId),
    createdAt: Number(doc.createdAt),
    readAt: orNull<number>(doc.readAt),
    deliveredAt: orNull<number>(doc.deliveredAt),
    channel: orNull<string>(doc.channel),
  };
}

export function createOutboxRepo(db: DocDb, session: DocSession): OutboxRepo {
  /** Messages enqueued in this transaction (not yet in query results), as it left them. */
  const enqueued = new Map<string, OutboxRecord>();
  /** Per user: committed unread messages this transaction marked read (still unread to queries). */
  const readHere = new Map<string, number>();
  /** Outside a transaction (`store.read`) every write is committed at once and queries already see it. */
  const pending = session !== db.direct;

  return {
    async enqueue(message) {
      if (enqueued.has(message.id) || (await session.get(OUTBOX, message.id))) throw new Error(`UNIQUE constraint failed: outbox.id (${message.id})`);
      await session.set(OUTBOX, toDoc(message.id, { ...message }));
      if (pending) enqueued.set(message.id, { ...message });
    },

    async listForUser(userId, page) {
      const found = await findPage(db, OUTBOX, { userId }, page);
      return { items: found.items.map(toOutbox), nextCursor: found.nextCursor };
    },

    async countUnread(userId) {
      let unread = await db.count(OUTBOX, { userId, readAt: null });
      for (const message of enqueued.values()) if (message.userId === userId && message.readAt === null) unread++;
      return unread - (readHere.get(userId) ?? 0);
    },

    async markRead(userId, ids, at) {
      let updated = 0;
      for (const id of new Set(ids)) {
        const doc = await session.get(OUTBOX, id);
        if (!doc || doc.userId !== userId || (doc.readAt !== null && doc.readAt !== undefined)) continue;
        await session.update(OUTBOX, id, { readAt: at });
        updated++;
        const mine = enqueued.get(id);
        if (mine) mine.readAt = at;
        else if (pending) readHere.set(userId, (readHere.get(userId) ?? 0) + 1);
      }
      return updated;
    },

    async listUndelivered(limit) {
      if (limit <= 0) return [];
      const docs = await db.find(
        OUTBOX,
        { deliveredAt: null },
        {
          orderBy: [
            { field: 'createdAt', direction: 'asc' },
            { field: 'id', direction: 'asc' },
          ],
          limit,
        },
      );
      return docs.map(toOutbox);
    },

    async markDelivered(id, channel, at) {
      const doc = await session.get(OUTBOX, id);
      if (!doc || (doc.deliveredAt !== null && doc.deliveredAt !== undefined)) return;
      await session.update(OUTBOX, id, { deliveredAt: at, channel });
    },
  };
}
