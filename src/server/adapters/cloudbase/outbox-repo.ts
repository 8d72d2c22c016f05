import type { OutboxRecord, OutboxRepo } from '../../ports';
import type { Doc, DocDb } from './doc-db';
import type { StoreSession } from './session-cache';
import { toDoc, orNull } from './doc-db';
import { findPage } from './paging';

/*
 * Collections written here:
 *   outbox   `_id` = message id: the OutboxRecord (`readAt` / `deliveredAt` stored as null until set,
 *            so `readAt: null` and `deliveredAt: null` select the unread and the undelivered), plus
 *            `retryAt`: when it is next due for a push (its `createdAt` until a push fails and
 *            `deferDelivery` moves it on), so "due now" is one range on an indexed field.
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

export function createOutboxRepo(db: DocDb, session: StoreSession): OutboxRepo {
  /** Messages enqueued in this transaction (not yet in query results), as it left them. */
  const enqueued = new Map<string, OutboxRecord>();
  /** Per user: committed unread messages this transaction marked read (still unread to queries). */
  const readHere = new Map<string, number>();
  /** Outside a transaction (`store.read`) every write is committed at once and queries already see it. */
  const pending = session !== db.direct;

  return {
    async enqueue(message) {
      if (enqueued.has(message.id)) throw new Error(`UNIQUE constraint failed: outbox.id (${message.id})`);
      await session.create(OUTBOX, toDoc(message.id, { ...message, retryAt: message.createdAt }), `UNIQUE constraint failed: outbox.id (${message.id})`);
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

    async listUndelivered(limit, dueAt) {
      if (limit <= 0) return [];
      const docs =
        dueAt === undefined
          ? await db.find(OUTBOX, { deliveredAt: null }, { orderBy: [{ field: 'createdAt', direction: 'asc' }, { field: 'id', direction: 'asc' }], limit })
          : await db.find(
              OUTBOX,
              { deliveredAt: null, retryAt: { lte: dueAt } },
              {
                orderBy: [
                  { field: 'retryAt', direction: 'asc' },
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

    async deferDelivery(id, retryAt) {
      const doc = await session.get(OUTBOX, id);
      if (!doc || (doc.deliveredAt !== null && doc.deliveredAt !== undefined)) return;
      await session.update(OUTBOX, id, { retryAt });
    },
    async removeForUser(userId) {
      // Removals are sent at commit, so the pages walk on by id rather than re-reading from the start.
      let after = '';
      for (;;) {
        const docs = await db.find(OUTBOX, { userId, _id: after ? { gt: after } : undefined }, { orderBy: [{ field: '_id', direction: 'asc' }], limit: 1000, fields: ['_id'] });
        for (const doc of docs) await session.remove(OUTBOX, doc._id);
        if (docs.length < 1000) return;
        after = docs[docs.length - 1]._id;
      }
    },
  };
}
