import { CONSENT_KINDS, type ConsentKind } from '../../../shared/domain/privacy';
import type { ConsentRecord, ConsentRepo } from '../../ports';
import type { Doc, DocDb } from './doc-db';
import { compositeId, orNull } from './doc-db';
import type { StoreSession } from './session-cache';

/*
 * Collection written here:
 *   consents   `_id` = compositeId(userId, kind) → the ConsentRecord: one document per person and kind
 *              (SQLite's primary key); a new consent replaces a withdrawn one or one given to an older
 *              guide. Every method reads by id (three kinds): no index beyond `_id` is needed.
 */

export const CONSENTS = 'consents';

const idOf = (userId: string, kind: ConsentKind) => compositeId(userId, kind);

function toConsent(doc: Doc): ConsentRecord {
  return {
    userId: String(doc.userId),
    kind: String(doc.kind) as ConsentKind,
    purpose: String(doc.purpose),
    policyVersion: String(doc.policyVersion),
    grantedAt: Number(doc.grantedAt),
    withdrawnAt: orNull<number>(doc.withdrawnAt),
  };
}

export function createConsentRepo(_db: DocDb, session: StoreSession): ConsentRepo {
  const all = async (userId: string) => (await Promise.all(CONSENT_KINDS.map((kind) => session.get(CONSENTS, idOf(userId, kind))))).filter((doc): doc is Doc => doc !== null);
  return {
    async grant(consent) {
      const id = idOf(consent.userId, consent.kind);
      const current = await session.get(CONSENTS, id);
      if (current && current.withdrawnAt === null && current.policyVersion === consent.policyVersion) return false;
      await session.set(CONSENTS, { _id: id, ...consent, withdrawnAt: null });
      return true;
    },
    async withdraw(userId, kind, at) {
      const id = idOf(userId, kind);
      const current = await session.get(CONSENTS, id);
      if (!current || current.withdrawnAt !== null) return false;
      await session.update(CONSENTS, id, { withdrawnAt: at });
      return true;
    },
    async list(userId) {
      return (await all(userId)).map(toConsent).sort((a, b) => a.grantedAt - b.grantedAt || a.kind.localeCompare(b.kind));
    },
    async removeAll(userId) {
      for (const doc of await all(userId)) await session.remove(CONSENTS, doc._id);
    },
  };
}
