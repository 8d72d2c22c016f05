import type { RequestCategory, Urgency } from '../../../shared/domain/categories';
import type { RequestState } from '../../../shared/domain/request-state';
import type { RequestRecord, RequestRepo } from '../../ports';
import type { Doc, DocDb } from './doc-db';
import type { StoreSession } from './session-cache';
import { compositeId, geoPoint, toDoc, orNull, strings } from './doc-db';
import { moveLoad } from './member-load';
import { findPage } from './paging';

/*
 * Collections written here:
 *   requests            `_id` = request id: the RequestRecord with its fields as they are (other
 *                       repositories count and scan it by `communityId`, `gridId`, `assigneeId`,
 *                       `state`, `createdAt`, `acceptedAt`, `completedAt`, `ratedAt`, `ratingStars`),
 *                       plus `point`: `location` as a GeoJSON point for the 2dsphere index `findSimilar`
 *                       queries with geoNear (kept in step by `update`).
 *   requests_by_token   `_id` = compositeId(residentId, clientToken) → `{ requestId }`: SQLite's
 *                       UNIQUE (resident_id, client_token). `insert` refuses a second request with the
 *                       same key (as SQLite's constraint error), and `findByClientToken` reads it by id,
 *                       so a retried submission sees the first one even inside its own transaction.
 *   requests_by_filer   `_id` = compositeId(filedBy, clientToken) → `{ requestId }`: lets `findByFiler`
 *                       read by id (代办登记 retries). Not unique in SQLite (it answers any one with
 *                       LIMIT 1): the first request keeps the key, later ones leave it.
 * Client tokens are `[A-Za-z0-9_-]` and ids never hold ':', so the composite ids cannot collide.
 * The identity fields (`id`, `residentId`, `filedBy`, `clientToken`) are never patched by the use
 * cases; `update` does not move the key documents.
 */

export const REQUESTS = 'requests';
export const REQUESTS_BY_TOKEN = 'requests_by_token';
export const REQUESTS_BY_FILER = 'requests_by_filer';
/** The GeoJSON copy of `location` (2dsphere index). */
export const REQUEST_POINT = 'point';

/** Values per `in` list. */
const IN_CHUNK = 100;

export function toRequest(doc: Doc): RequestRecord {
  const location = doc.location as { lat: number; lng: number };
  return {
    id: String(doc.id),
    communityId: String(doc.communityId),
    gridId: orNull<string>(doc.gridId),
    householdId: orNull<string>(doc.householdId),
    residentId: String(doc.residentId),
    filedBy: String(doc.filedBy),
    filedByName: orNull<string>(doc.filedByName),
    clientToken: String(doc.clientToken),
    category: doc.category as RequestCategory,
    description: String(doc.description),
    address: String(doc.address),
    contactName: String(doc.contactName),
    contactPhone: String(doc.contactPhone),
    location: { lat: Number(location.lat), lng: Number(location.lng) },
    urgency: doc.urgency as Urgency,
    photos: strings(doc.photos),
    state: doc.state as RequestState,
    round: Number(doc.round ?? 0),
    roundDeadline: orNull<number>(doc.roundDeadline),
    assigneeId: orNull<string>(doc.assigneeId),
    completionNote: orNull<string>(doc.completionNote),
    completionPhotos: strings(doc.completionPhotos),
    ratingStars: orNull<number>(doc.ratingStars),
    ratingComment: orNull<string>(doc.ratingComment),
    pointsAwarded: orNull<number>(doc.pointsAwarded),
    createdAt: Number(doc.createdAt),
    updatedAt: Number(doc.updatedAt),
    acceptedAt: orNull<number>(doc.acceptedAt),
    completedAt: orNull<number>(doc.completedAt),
    ratedAt: orNull<number>(doc.ratedAt),
    cancelledAt: orNull<number>(doc.cancelledAt),
    duplicateOf: orNull<string>(doc.duplicateOf),
    previousAssigneeId: orNull<string>(doc.previousAssigneeId),
    reopenedAt: orNull<number>(doc.reopenedAt),
    neededSkill: orNull<string>(doc.neededSkill),
  };
}

export function requestDoc(request: RequestRecord): Doc {
  return { ...toDoc(request.id, request), [REQUEST_POINT]: geoPoint(request.location) };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/** Documents of a collection by id, committed data, in `in` lists of IN_CHUNK. */
export async function docsByIds(db: DocDb, collection: string, ids: Iterable<string>, fields?: readonly string[]): Promise<Map<string, Doc>> {
  const found = new Map<string, Doc>();
  for (const chunk of chunks([...new Set(ids)], IN_CHUNK)) {
    for (const doc of await db.find(collection, { _id: { in: chunk } }, { limit: chunk.length, fields })) found.set(doc._id, doc);
  }
  return found;
}

const NEWEST_FIRST = [
  { field: 'createdAt', direction: 'desc' as const },
  { field: 'id', direction: 'desc' as const },
];

export function createRequestRepo(db: DocDb, session: StoreSession): RequestRepo {
  const byKey = async (collection: string, key: string): Promise<RequestRecord | null> => {
    const link = await session.get(collection, key);
    if (!link) return null;
    const doc = await session.get(REQUESTS, String(link.requestId));
    return doc ? toRequest(doc) : null;
  };
  const toPage = async (promise: ReturnType<typeof findPage>) => {
    const page = await promise;
    return { items: page.items.map(toRequest), nextCursor: page.nextCursor };
  };

  return {
    async insert(request) {
      const tokenKey = compositeId(request.residentId, request.clientToken);
      const filerKey = compositeId(request.filedBy, request.clientToken);
      const filerTaken = await session.get(REQUESTS_BY_FILER, filerKey);
      const doc = requestDoc(request);
      await session.create(REQUESTS, doc, `UNIQUE constraint failed: requests.id (${request.id})`);
      await moveLoad(session, request.id, null, doc, request.updatedAt);
      await session.create(REQUESTS_BY_TOKEN, { _id: tokenKey, requestId: request.id }, 'UNIQUE constraint failed: requests.resident_id, requests.client_token');
      if (!filerTaken) await session.set(REQUESTS_BY_FILER, { _id: filerKey, requestId: request.id });
    },

    async get(id) {
      const doc = await session.get(REQUESTS, id);
      return doc ? toRequest(doc) : null;
    },

    findByClientToken: (residentId, clientToken) => byKey(REQUESTS_BY_TOKEN, compositeId(residentId, clientToken)),

    async findByFiler(filedBy, clientToken) {
      const found = await byKey(REQUESTS_BY_FILER, compositeId(filedBy, clientToken));
      return found && found.filedBy === filedBy && found.clientToken === clientToken ? found : null;
    },

    async update(id, expected, patch) {
      const fields: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(patch)) if (value !== undefined) fields[key] = value;
      // As SQLite: an empty patch changes nothing and reports success.
      if (Object.keys(fields).length === 0) return true;
      const current = await session.get(REQUESTS, id);
      if (!current || !expected.includes(current.state as RequestState)) return false;
      if (patch.location) fields[REQUEST_POINT] = geoPoint(patch.location);
      await session.update(REQUESTS, id, fields);
      await moveLoad(session, id, current, { ...current, ...fields }, Number(fields.updatedAt ?? current.updatedAt));
      return true;
    },

    listByResident: (residentId, page) => toPage(findPage(db, REQUESTS, { residentId }, page)),

    listByAssignee: (memberId, states, page) => toPage(findPage(db, REQUESTS, { assigneeId: memberId, state: { in: [...states] } }, page)),

    async listIds(ids) {
      const found = await docsByIds(db, REQUESTS, ids);
      return [...new Set(ids)].flatMap((id) => {
        const doc = found.get(id);
        return doc ? [toRequest(doc)] : [];
      });
    },

    listByCommunity: (communityId, states, page) => toPage(findPage(db, REQUESTS, { communityId, state: { in: [...states] } }, page)),

    async findSimilar(query) {
      if (query.limit <= 0) return [];
      const docs = await db.geoNear({
        collection: REQUESTS,
        field: REQUEST_POINT,
        near: geoPoint(query.center),
        maxDistanceM: query.radiusM,
        where: { communityId: query.communityId, category: query.category, state: { in: [...query.states] }, createdAt: { gte: query.since } },
        limit: query.limit,
      });
      // Nearest first; equal distances by id, as SQLite.
      return docs
        .map((doc, index) => ({ doc, index }))
        .sort((a, b) => a.doc.distance - b.doc.distance || (String(a.doc.id) < String(b.doc.id) ? -1 : String(a.doc.id) > String(b.doc.id) ? 1 : a.index - b.index))
        .map(({ doc }) => toRequest(doc));
    },

    async listOpenWishes(communityId, skill, limit) {
      if (limit <= 0) return [];
      const docs = await db.find(REQUESTS, { communityId, state: 'submitted', category: 'wish', neededSkill: skill ?? undefined }, { orderBy: NEWEST_FIRST, limit });
      return docs.map(toRequest);
    },

    async listRoundsDue(now, limit) {
      if (limit <= 0) return [];
      const docs = await db.find(
        REQUESTS,
        { state: 'dispatching', roundDeadline: { lte: now } },
        {
          orderBy: [
            { field: 'roundDeadline', direction: 'asc' },
            { field: 'id', direction: 'asc' },
          ],
          limit,
        },
      );
      return docs.map(toRequest);
    },
  };
}
