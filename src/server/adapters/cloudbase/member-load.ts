import type { Doc, DocDb, Where } from './doc-db';
import { mapLimit } from '../../../shared/map-limit';
import type { StoreSession } from './session-cache';
import { MEMBERS } from './users-repo';

const REQUESTS = 'requests';

/*
 * What dispatch ranks a member by, kept on the member document (`load`) so the candidate search reads
 * it with the member instead of counting requests per candidate. SQLite computes the same figures
 * over the requests assigned to the member: open tasks are those in 'accepted', recent tasks were
 * accepted since a moment, and the rating is the mean of every rating received. Every change of a
 * request document's assignee, state, acceptance time or rating changes the load in the same
 * transaction (`moveLoad`), and `loadFromRequests` rebuilds it from history.
 */

export interface MemberLoad {
  open: number;
  ratingSum: number;
  ratingCount: number;
  /** Request id → when the member accepted it, for requests accepted in the last RECENT_MS. */
  accepts: Record<string, number>;
}

/** How long an acceptance is kept: dispatch counts the last 30 days; a day more covers clock skew. */
const RECENT_MS = 31 * 24 * 60 * 60 * 1000;

interface Share {
  memberId: string;
  open: number;
  stars: number | null;
  acceptedAt: number | null;
}

export const emptyLoad = (): MemberLoad => ({ open: 0, ratingSum: 0, ratingCount: 0, accepts: {} });

export function loadOf(doc: Doc | null | undefined): MemberLoad {
  const load = doc?.load as Partial<MemberLoad> | undefined;
  return {
    open: Number(load?.open ?? 0),
    ratingSum: Number(load?.ratingSum ?? 0),
    ratingCount: Number(load?.ratingCount ?? 0),
    accepts: { ...(load?.accepts ?? {}) },
  };
}

/** What one request document adds to its assignee's load. */
function shareOf(request: Doc | null): Share | null {
  const memberId = request?.assigneeId;
  if (typeof memberId !== 'string' || !request) return null;
  return {
    memberId,
    open: request.state === 'accepted' ? 1 : 0,
    stars: typeof request.ratingStars === 'number' ? request.ratingStars : null,
    acceptedAt: typeof request.acceptedAt === 'number' ? request.acceptedAt : null,
  };
}

function addShare(load: MemberLoad, requestId: string, share: Share, sign: 1 | -1): void {
  load.open += sign * share.open;
  if (share.stars !== null) {
    load.ratingSum += sign * share.stars;
    load.ratingCount += sign;
  }
  if (share.acceptedAt !== null) {
    if (sign > 0) load.accepts[requestId] = share.acceptedAt;
    else delete load.accepts[requestId];
  }
}

function prune(load: MemberLoad, now: number): MemberLoad {
  for (const [id, at] of Object.entries(load.accepts)) if (at < now - RECENT_MS) delete load.accepts[id];
  return load;
}

const sameShare = (a: Share | null, b: Share | null) =>
  a?.memberId === b?.memberId && a?.open === b?.open && a?.stars === b?.stars && a?.acceptedAt === b?.acceptedAt;

/**
 * Moves a request's share of load from its assignee before to its assignee after (either may be none),
 * reading both member documents together. `now` prunes acceptances too old to count again.
 */
export async function moveLoad(session: StoreSession, requestId: string, before: Doc | null, after: Doc, now: number): Promise<void> {
  const from = shareOf(before);
  const to = shareOf(after);
  if (sameShare(from, to)) return;
  const memberIds = [...new Set([from?.memberId, to?.memberId].filter((id): id is string => id !== undefined))];
  const members = await Promise.all(memberIds.map((id) => session.get(MEMBERS, id)));
  await Promise.all(
    memberIds.map(async (memberId, index) => {
      const member = members[index];
      // A request can name an assignee who is no longer a member; there is no load to keep then.
      if (!member) return;
      const load = loadOf(member);
      if (from?.memberId === memberId) addShare(load, requestId, from, -1);
      if (to?.memberId === memberId) addShare(load, requestId, to, 1);
      await session.update(MEMBERS, memberId, { load: prune(load, now) });
    }),
  );
}

/** A member's load rebuilt from the requests assigned to them. */
export function loadFromRequests(requests: readonly Doc[], now: number): MemberLoad {
  const load = emptyLoad();
  for (const request of requests) {
    const share = shareOf(request);
    if (share) addShare(load, request._id, share, 1);
  }
  return prune(load, now);
}

/** The figures ranking uses, as SQLite computes them. */
export function loadFigures(load: MemberLoad, since: number): { openTasks: number; tasksLast30Days: number; averageRating: number | null } {
  return {
    openTasks: load.open,
    tasksLast30Days: Object.values(load.accepts).filter((at) => at >= since).length,
    averageRating: load.ratingCount === 0 ? null : load.ratingSum / load.ratingCount,
  };
}

const PAGE = 1000;

/**
 * Rebuilds every member's load of a community from the requests assigned to them (a repair: the
 * loads are kept in step as requests change, so this is only for data written by other means).
 */
export async function recountMemberLoads(db: DocDb, communityId: string, now: number): Promise<number> {
  const members = await findAll(db, MEMBERS, { communityId }, ['_id']);
  const requests = await findAll(db, REQUESTS, { communityId, assigneeId: { ne: null } }, ['assigneeId', 'state', 'ratingStars', 'acceptedAt']);
  const byMember = new Map<string, Doc[]>();
  for (const request of requests) {
    const memberId = String(request.assigneeId);
    byMember.set(memberId, [...(byMember.get(memberId) ?? []), request]);
  }
  await mapLimit(members, 10, (member) => db.direct.update(MEMBERS, member._id, { load: loadFromRequests(byMember.get(member._id) ?? [], now) }));
  return members.length;
}

async function findAll(db: DocDb, collection: string, where: Where, fields: readonly string[]): Promise<Doc[]> {
  const found: Doc[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const page = await db.find(collection, where, { orderBy: [{ field: '_id', direction: 'asc' }], skip, limit: PAGE, fields });
    found.push(...page);
    if (page.length < PAGE) return found;
  }
}
