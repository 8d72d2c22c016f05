import type { EventRepo, OfferRecord, OfferRepo, OfferStatus, RequestEventRecord } from '../../ports';
import type { Doc, DocDb } from './doc-db';
import type { StoreSession } from './session-cache';
import { compositeId, toDoc } from './doc-db';

/*
 * Collections written here:
 *   offers                  `_id` = compositeId(requestId, memberId): the OfferRecord, one per request
 *                           and member (SQLite's primary key). Status changes are compare-and-set
 *                           through the transaction (get, check, update).
 *   request_events          `_id` = compositeId(requestId, seq as 8 digits): the RequestEventRecord plus
 *                           `seq`, its place in the request's timeline (SQLite's AUTOINCREMENT order).
 *   request_event_counters  `_id` = request id → `{ requestId, next }`: the next `seq` of that request,
 *                           read and bumped in the appending transaction, so two appends racing on one
 *                           request conflict there and the loser, re-run, takes the next number.
 *
 * Queries read committed data only. The use cases read offers and events back in the transaction
 * that wrote them (accept → close the other pending offers; decline → "anyone still pending?"; the
 * request detail with its timeline right after an append), so each repository — bound to one
 * transaction — remembers the documents it wrote and merges them into its query results.
 */

export const OFFERS = 'offers';
export const REQUEST_EVENTS = 'request_events';
export const REQUEST_EVENT_COUNTERS = 'request_event_counters';

/** Offers of one request read at most: a few per round, a handful of rounds (SQLite has no cap). */
const OFFERS_PER_REQUEST_CAP = 1000;
/** As SQLite: a member's pending offers, newest first, at most 50. */
const PENDING_FOR_MEMBER_CAP = 50;
/** As SQLite: a timeline shows its first 200 entries. */
const EVENTS_CAP = 200;

const offerId = (requestId: string, memberId: string) => compositeId(requestId, memberId);

function toOffer(doc: Doc): OfferRecord {
  return {
    requestId: String(doc.requestId),
    memberId: String(doc.memberId),
    round: Number(doc.round),
    status: doc.status as OfferStatus,
    score: Number(doc.score),
    distanceM: Number(doc.distanceM),
    reasons: String(doc.reasons),
    offeredAt: Number(doc.offeredAt),
    expiresAt: Number(doc.expiresAt),
    respondedAt: doc.respondedAt === undefined || doc.respondedAt === null ? null : Number(doc.respondedAt),
  };
}

/** SQLite's `ORDER BY round, score DESC` (ties by member id, so both stores agree). */
function byRoundThenScore(a: OfferRecord, b: OfferRecord): number {
  return a.round - b.round || b.score - a.score || (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0);
}

export function createOfferRepo(db: DocDb, session: StoreSession): OfferRepo {
  /** Offers as this transaction left them, by document id. */
  const written = new Map<string, OfferRecord>();

  const write = async (offer: OfferRecord) => {
    await session.set(OFFERS, toDoc(offerId(offer.requestId, offer.memberId), offer));
    written.set(offerId(offer.requestId, offer.memberId), { ...offer });
  };
  /** Committed documents, with this transaction's own versions in their place and its new ones added. */
  const merge = (docs: readonly Doc[], keep: (offer: OfferRecord) => boolean): OfferRecord[] => {
    const byId = new Map(docs.map((doc) => [doc._id, toOffer(doc)]));
    for (const [id, offer] of written) byId.set(id, offer);
    return [...byId.values()].filter(keep);
  };
  const setStatus = async (requestId: string, memberId: string, from: readonly OfferStatus[], to: OfferStatus, at: number): Promise<boolean> => {
    const id = offerId(requestId, memberId);
    const doc = await session.get(OFFERS, id);
    if (!doc || !from.includes(doc.status as OfferStatus)) return false;
    await session.update(OFFERS, id, { status: to, respondedAt: at });
    written.set(id, { ...toOffer(doc), status: to, respondedAt: at });
    return true;
  };

  return {
    async insertMany(offers) {
      for (const offer of offers) {
        const id = offerId(offer.requestId, offer.memberId);
        const duplicate = `UNIQUE constraint failed: offers.request_id, offers.member_id (${offer.requestId}, ${offer.memberId})`;
        if (written.has(id)) throw new Error(duplicate);
        await session.create(OFFERS, toDoc(id, offer), duplicate);
        written.set(id, { ...offer });
      }
    },

    save: write,

    async get(requestId, memberId) {
      const doc = await session.get(OFFERS, offerId(requestId, memberId));
      return doc ? toOffer(doc) : null;
    },

    async listForRequest(requestId) {
      const docs = await db.find(OFFERS, { requestId }, { limit: OFFERS_PER_REQUEST_CAP });
      return merge(docs, (offer) => offer.requestId === requestId).sort(byRoundThenScore);
    },

    async listPendingForMember(memberId, now) {
      const docs = await db.find(
        OFFERS,
        { memberId, status: 'pending', expiresAt: { gt: now } },
        {
          orderBy: [
            { field: 'offeredAt', direction: 'desc' },
            { field: 'requestId', direction: 'desc' },
          ],
          limit: PENDING_FOR_MEMBER_CAP,
        },
      );
      return merge(docs, (offer) => offer.memberId === memberId && offer.status === 'pending' && offer.expiresAt > now)
        .sort((a, b) => b.offeredAt - a.offeredAt || (a.requestId < b.requestId ? 1 : a.requestId > b.requestId ? -1 : 0))
        .slice(0, PENDING_FOR_MEMBER_CAP);
    },

    updateStatus: setStatus,

    async closePending(requestId, to, at) {
      // Candidates from the committed pending offers and this transaction's own; each is then
      // re-read through the transaction and closed only while it is still pending there.
      const docs = await db.find(OFFERS, { requestId, status: 'pending' }, { limit: OFFERS_PER_REQUEST_CAP, fields: ['memberId'] });
      const members = new Set(docs.map((doc) => String(doc.memberId)));
      for (const offer of written.values()) if (offer.requestId === requestId) members.add(offer.memberId);
      const closed = await Promise.all([...members].sort().map((memberId) => setStatus(requestId, memberId, ['pending'], to, at)));
      return closed.filter(Boolean).length;
    },
  };
}

const SEQ_DIGITS = 8;

function toEvent(doc: Doc): RequestEventRecord {
  return {
    requestId: String(doc.requestId),
    at: Number(doc.at),
    kind: String(doc.kind),
    actorId: doc.actorId === undefined || doc.actorId === null ? null : String(doc.actorId),
    text: String(doc.text),
  };
}

export function createEventRepo(db: DocDb, session: StoreSession): EventRepo {
  /** Events appended in this transaction, by document id. */
  const written = new Map<string, Doc>();

  return {
    async append(event) {
      const counter = await session.get(REQUEST_EVENT_COUNTERS, event.requestId);
      const seq = counter ? Number(counter.next) : 1;
      if (counter) await session.update(REQUEST_EVENT_COUNTERS, event.requestId, { next: seq + 1 });
      else await session.set(REQUEST_EVENT_COUNTERS, { _id: event.requestId, requestId: event.requestId, next: seq + 1 });
      const doc = { ...toDoc(compositeId(event.requestId, String(seq).padStart(SEQ_DIGITS, '0')), event), seq };
      await session.set(REQUEST_EVENTS, doc);
      written.set(doc._id, doc);
    },

    async listForRequest(requestId) {
      const docs = await db.find(REQUEST_EVENTS, { requestId }, { orderBy: [{ field: 'seq', direction: 'asc' }], limit: EVENTS_CAP });
      const byId = new Map(docs.map((doc) => [doc._id, doc]));
      for (const [id, doc] of written) if (doc.requestId === requestId) byId.set(id, doc);
      return [...byId.values()]
        .sort((a, b) => Number(a.seq) - Number(b.seq))
        .slice(0, EVENTS_CAP)
        .map(toEvent);
    },

    async redact(requestIds, rewrite) {
      const pages = await Promise.all([...new Set(requestIds)].map((requestId) => db.find(REQUEST_EVENTS, { requestId }, { orderBy: [{ field: 'seq', direction: 'asc' }], limit: 10_000 })));
      let changed = 0;
      for (const doc of pages.flat()) {
        const text = rewrite(toEvent(doc));
        if (text === null || text === doc.text) continue;
        await session.update(REQUEST_EVENTS, doc._id, { text });
        changed++;
      }
      return changed;
    },
  };
}
