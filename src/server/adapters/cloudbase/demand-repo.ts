import type { DemandFilter, DemandRepo, DemandRow, RequestRecord, SuggestionReplyRecord } from '../../ports';
import type { Doc, DocDb, Range, Where } from './doc-db';
import type { StoreSession } from './session-cache';
import { toDoc } from './doc-db';
import { findPage } from './paging';
import { GRIDS } from './community-repo';
import { REQUESTS, docsByIds, toRequest } from './requests-repo';
import { USERS } from './users-repo';

/*
 * Collections written here:
 *   suggestion_replies  `_id` = request id: the SuggestionReplyRecord, one per suggestion (SQLite's
 *                       primary key); `insertReply` is insert-if-absent through the transaction, so two
 *                       racing answers conflict on the document and the loser, re-run, is refused.
 * Read here: `requests` (requests-repo.ts), `users` (name, by `_id`) and `grids` (name, by `_id`).
 *
 * SQLite joins each ledger line to its resident, grid, assignee and reply. Here `list`/`listAll`
 * read the page of requests first (same filter, same order as SQLite), then the names and replies
 * of that page by id, in `in` lists: four or five round trips a page, whatever its length. `get`
 * reads everything by id through the session, so it sees the caller's own transaction (the reply
 * just written). As SQLite's inner join on the resident, a line whose resident is missing is left
 * out (cannot happen while users are never deleted); the page's cursor still comes from the
 * requests read, so paging loses and repeats nothing.
 */

export const SUGGESTION_REPLIES = 'suggestion_replies';

function toReply(doc: Doc): SuggestionReplyRecord {
  return {
    requestId: String(doc.requestId),
    adopted: doc.adopted === true,
    reply: String(doc.reply),
    repliedBy: String(doc.repliedBy),
    repliedAt: Number(doc.repliedAt),
  };
}

function whereOf(filter: DemandFilter): Where {
  const createdAt: Range = {};
  if (filter.from !== null) createdAt.gte = filter.from;
  if (filter.to !== null) createdAt.lt = filter.to;
  return {
    communityId: filter.communityId,
    gridId: filter.gridId ?? undefined,
    category: filter.category ?? undefined,
    state: filter.state ?? undefined,
    createdAt: Object.keys(createdAt).length > 0 ? createdAt : undefined,
  };
}

const nameOf = (doc: Doc | null | undefined): string | null => (doc ? String(doc.name) : null);

export function createDemandRepo(db: DocDb, session: StoreSession): DemandRepo {
  /** The ledger lines of these requests, in their order: names and replies read by id in batches. */
  const linesOf = async (requests: readonly RequestRecord[]): Promise<DemandRow[]> => {
    if (requests.length === 0) return [];
    const userIds = new Set<string>();
    const gridIds = new Set<string>();
    for (const request of requests) {
      userIds.add(request.residentId);
      if (request.assigneeId) userIds.add(request.assigneeId);
      if (request.gridId) gridIds.add(request.gridId);
    }
    const [users, grids, replies] = await Promise.all([
      docsByIds(db, USERS, userIds, ['name']),
      docsByIds(db, GRIDS, gridIds, ['name']),
      docsByIds(
        db,
        SUGGESTION_REPLIES,
        requests.map((request) => request.id),
      ),
    ]);
    return requests.flatMap((request) => {
      const resident = users.get(request.residentId);
      if (!resident) return [];
      const reply = replies.get(request.id);
      return [
        {
          request,
          residentName: String(resident.name),
          gridName: request.gridId ? nameOf(grids.get(request.gridId)) : null,
          assigneeName: request.assigneeId ? nameOf(users.get(request.assigneeId)) : null,
          reply: reply ? toReply(reply) : null,
        },
      ];
    });
  };

  return {
    async list(filter, page) {
      const found = await findPage(db, REQUESTS, whereOf(filter), page);
      return { items: await linesOf(found.items.map(toRequest)), nextCursor: found.nextCursor };
    },

    async listAll(filter, limit) {
      if (limit <= 0) return [];
      const docs = await db.find(REQUESTS, whereOf(filter), {
        orderBy: [
          { field: 'createdAt', direction: 'asc' },
          { field: 'id', direction: 'asc' },
        ],
        limit,
      });
      return linesOf(docs.map(toRequest));
    },

    async get(requestId) {
      const doc = await session.get(REQUESTS, requestId);
      if (!doc) return null;
      const request = toRequest(doc);
      const resident = await session.get(USERS, request.residentId);
      if (!resident) return null;
      const grid = request.gridId ? await session.get(GRIDS, request.gridId) : null;
      const assignee = request.assigneeId ? await session.get(USERS, request.assigneeId) : null;
      const reply = await session.get(SUGGESTION_REPLIES, request.id);
      return { request, residentName: String(resident.name), gridName: nameOf(grid), assigneeName: nameOf(assignee), reply: reply ? toReply(reply) : null };
    },

    async getReply(requestId) {
      const doc = await session.get(SUGGESTION_REPLIES, requestId);
      return doc ? toReply(doc) : null;
    },

    async insertReply(reply) {
      if (await session.get(SUGGESTION_REPLIES, reply.requestId)) return false;
      await session.set(SUGGESTION_REPLIES, toDoc(reply.requestId, reply));
      return true;
    },
  };
}
