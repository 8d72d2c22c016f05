import { SUBSCRIBE_TEMPLATE_KEYS } from '../../../shared/domain/subscribe-templates';
import type { SubscriptionRepo } from '../../ports';
import type { DocDb } from './doc-db';
import type { StoreSession } from './session-cache';
import { compositeId } from './doc-db';

/*
 * Collections written here:
 *   subscriptions   `_id` = compositeId(userId, templateKey) → `{ userId, templateKey, remaining,
 *                   updatedAt }`: one document per user and template key (SQLite's primary key), its
 *                   `remaining` a guarded counter read and written through the caller's transaction,
 *                   so racing grants and consumes conflict on the document and none is lost or
 *                   spent twice. Every method reads by id only: no index beyond `_id` is needed.
 */

export const SUBSCRIPTIONS = 'subscriptions';

const keyOf = (userId: string, templateKey: string) => compositeId(userId, templateKey);

export function createSubscriptionRepo(_db: DocDb, session: StoreSession): SubscriptionRepo {
  const remainingOf = async (id: string): Promise<number | null> => {
    const doc = await session.get(SUBSCRIPTIONS, id);
    return doc ? Number(doc.remaining ?? 0) : null;
  };

  return {
    async grant(userId, templateKeys, at) {
      for (const templateKey of new Set(templateKeys)) {
        const id = keyOf(userId, templateKey);
        const remaining = await remainingOf(id);
        if (remaining === null) await session.set(SUBSCRIPTIONS, { _id: id, userId, templateKey, remaining: 1, updatedAt: at });
        else await session.update(SUBSCRIPTIONS, id, { remaining: remaining + 1, updatedAt: at });
      }
    },

    async consume(userId, templateKey) {
      const id = keyOf(userId, templateKey);
      const remaining = await remainingOf(id);
      if (remaining === null || remaining <= 0) return false;
      await session.update(SUBSCRIPTIONS, id, { remaining: remaining - 1 });
      return true;
    },

    async reset(userId, templateKey) {
      const id = keyOf(userId, templateKey);
      // As SQLite: only an existing row is set to zero (and its updatedAt kept).
      if ((await remainingOf(id)) !== null) await session.update(SUBSCRIPTIONS, id, { remaining: 0 });
    },

    async count(userId, templateKey) {
      return (await remainingOf(keyOf(userId, templateKey))) ?? 0;
    },

    async clear(userId) {
      const ids = SUBSCRIBE_TEMPLATE_KEYS.map((templateKey) => keyOf(userId, templateKey));
      const found = await Promise.all(ids.map((id) => session.get(SUBSCRIPTIONS, id)));
      for (const doc of found) if (doc) await session.remove(SUBSCRIPTIONS, doc._id);
    },
  };
}
