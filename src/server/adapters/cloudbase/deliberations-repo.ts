import type { DeliberationStatus } from '../../../shared/domain/deliberation-rules';
import type { DeliberationCommentRecord, DeliberationPatch, DeliberationRecord, DeliberationRepo } from '../../ports';
import type { Doc, DocDb, Where } from './doc-db';
import type { StoreSession } from './session-cache';
import { compositeId, toDoc, orNull } from './doc-db';
import { findPage } from './paging';
import { USERS } from './users-repo';
import { binaryCompare } from './binary-compare';

/*
 * Collections written here:
 *   deliberations          `_id` = id: the DeliberationRecord.
 *   deliberation_voters    `_id` = compositeId(deliberationId, userId) → `{ deliberationId, userId }`:
 *                          the residents who may vote, fixed when the notice goes out; `isVoter`
 *                          reads one by id (so it sees the publishing transaction's own writes).
 *   deliberation_votes     `_id` = compositeId(deliberationId, userId) → `{ deliberationId, userId,
 *                          optionIndex, votedAt }`: one vote per resident; racing votes conflict on
 *                          this document and the loser, re-run, finds the winner's vote.
 *   deliberation_comments  `_id` = id: the DeliberationCommentRecord.
 * `eligibleVoters` reads `users` (UserRecord fields: communityId, roles, householdId) and
 * `households` (HouseholdRecord fields: communityId, buildingId), written by other repositories.
 *
 * Queries read committed data only. The use cases read votes, voters and comments back in the
 * transaction that wrote them (the view returned after voting or commenting), so this repository —
 * bound to one transaction — merges what it wrote into those lists.
 */

export const DELIBERATIONS = 'deliberations';
export const DELIBERATION_VOTERS = 'deliberation_voters';
export const DELIBERATION_VOTES = 'deliberation_votes';
export const DELIBERATION_COMMENTS = 'deliberation_comments';
const HOUSEHOLDS = 'households';

/**
 * Residents read at most for one deliberation (eligible voters, the voters list, the votes):
 * 20,000, far above a compound's residents; SQLite has no cap.
 */
const RESIDENTS_CAP = 20_000;
/** Households read at most for the chosen buildings. */
const HOUSEHOLDS_CAP = 20_000;
/** Values per `in` list. */
const IN_CHUNK = 100;

function toDeliberation(doc: Doc): DeliberationRecord {
  return {
    id: String(doc.id),
    communityId: String(doc.communityId),
    title: String(doc.title),
    proposal: String(doc.proposal),
    buildingIds: [...((doc.buildingIds as string[] | undefined) ?? [])],
    options: [...((doc.options as string[] | undefined) ?? [])],
    voteStartsAt: Number(doc.voteStartsAt),
    voteEndsAt: Number(doc.voteEndsAt),
    quorumPercent: Number(doc.quorumPercent),
    status: doc.status as DeliberationStatus,
    eligibleCount: orNull<number>(doc.eligibleCount),
    decision: orNull<string>(doc.decision),
    actions: orNull<string>(doc.actions),
    projectId: orNull<string>(doc.projectId),
    createdBy: String(doc.createdBy),
    createdAt: Number(doc.createdAt),
    publishedAt: orNull<number>(doc.publishedAt),
    decidedAt: orNull<number>(doc.decidedAt),
    announcedAt: orNull<number>(doc.announcedAt),
  };
}

const toComment = (doc: Doc): DeliberationCommentRecord => ({
  id: String(doc.id),
  deliberationId: String(doc.deliberationId),
  userId: String(doc.userId),
  text: String(doc.text),
  createdAt: Number(doc.createdAt),
});

const PATCH_FIELDS: readonly (keyof DeliberationPatch)[] = ['status', 'eligibleCount', 'decision', 'actions', 'projectId', 'publishedAt', 'decidedAt', 'announcedAt'];

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/** Newest first on (createdAt, id), as SQLite's ORDER BY created_at DESC, id DESC. */
const newestFirst = (a: DeliberationCommentRecord, b: DeliberationCommentRecord) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export function createDeliberationRepo(db: DocDb, session: StoreSession): DeliberationRepo {
  /** What this repository wrote in its transaction, by document id. */
  const votersWritten = new Map<string, { deliberationId: string; userId: string }>();
  const votesWritten = new Map<string, { deliberationId: string; optionIndex: number }>();
  const commentsWritten = new Map<string, DeliberationCommentRecord>();

  /** Ids of users (residents of the community) read in one query, sorted here. */
  const residentIds = async (where: Where, limit: number): Promise<string[]> =>
    (await db.find(USERS, where, { orderBy: [{ field: 'id', direction: 'asc' }], limit, fields: ['id'] })).map((doc) => String(doc.id));

  return {
    async insert(deliberation) {
      await session.create(DELIBERATIONS, toDoc(deliberation.id, deliberation), `UNIQUE constraint failed: deliberations.id (${deliberation.id})`);
    },
    async get(id) {
      const doc = await session.get(DELIBERATIONS, id);
      return doc ? toDeliberation(doc) : null;
    },
    async list(communityId, includeDrafts, page) {
      const result = await findPage(db, DELIBERATIONS, { communityId, status: includeDrafts ? undefined : { ne: 'draft' } }, page);
      return { items: result.items.map(toDeliberation), nextCursor: result.nextCursor };
    },
    async update(id, expectedStatus, patch) {
      const fields: Record<string, unknown> = {};
      for (const key of PATCH_FIELDS) if (patch[key] !== undefined) fields[key] = patch[key];
      // As SQLite: an empty patch changes nothing and reports false.
      if (Object.keys(fields).length === 0) return false;
      const doc = await session.get(DELIBERATIONS, id);
      if (!doc || doc.status !== expectedStatus) return false;
      await session.update(DELIBERATIONS, id, fields);
      return true;
    },
    async eligibleVoters(communityId, buildingIds) {
      // SQLite: users of the community with the resident role (roles is an array: `roles: 'resident'` matches an element).
      if (buildingIds.length === 0) return (await residentIds({ communityId, roles: 'resident' }, RESIDENTS_CAP)).sort(binaryCompare);
      // Of these buildings: through the users' households. The households are looked up inside the
      // community (the indexed way in); SQLite's join does not check the household's community,
      // which differs only if another community's household were filed under one of these buildings.
      const householdIds: string[] = [];
      for (const chunk of chunks([...new Set(buildingIds)], IN_CHUNK)) {
        const docs = await db.find(HOUSEHOLDS, { communityId, buildingId: { in: chunk } }, { orderBy: [{ field: 'id', direction: 'asc' }], limit: HOUSEHOLDS_CAP, fields: ['id'] });
        householdIds.push(...docs.map((doc) => String(doc.id)));
      }
      const voters = new Set<string>();
      for (const chunk of chunks(householdIds, IN_CHUNK)) {
        if (voters.size >= RESIDENTS_CAP) break;
        for (const id of await residentIds({ communityId, roles: 'resident', householdId: { in: chunk } }, RESIDENTS_CAP - voters.size)) voters.add(id);
      }
      return [...voters].sort(binaryCompare);
    },
    async saveVoters(deliberationId, userIds) {
      // One document per voter (the publishing transaction writes one per resident anyway: the notices).
      for (const userId of new Set(userIds)) {
        const id = compositeId(deliberationId, userId);
        if (votersWritten.has(id)) continue;
        await session.set(DELIBERATION_VOTERS, { _id: id, deliberationId, userId });
        votersWritten.set(id, { deliberationId, userId });
      }
    },
    async isVoter(deliberationId, userId) {
      return (await session.get(DELIBERATION_VOTERS, compositeId(deliberationId, userId))) !== null;
    },
    async insertVote(deliberationId, userId, optionIndex, at) {
      const id = compositeId(deliberationId, userId);
      if (await session.get(DELIBERATION_VOTES, id)) return false;
      await session.set(DELIBERATION_VOTES, { _id: id, deliberationId, userId, optionIndex, votedAt: at });
      votesWritten.set(id, { deliberationId, optionIndex });
      return true;
    },
    async getVote(deliberationId, userId) {
      const doc = await session.get(DELIBERATION_VOTES, compositeId(deliberationId, userId));
      return doc ? Number(doc.optionIndex) : null;
    },
    async listVotes(deliberationId) {
      const docs = await db.find(DELIBERATION_VOTES, { deliberationId }, { orderBy: [{ field: 'userId', direction: 'asc' }], limit: RESIDENTS_CAP, fields: ['optionIndex'] });
      const votes = new Map(docs.map((doc) => [doc._id, Number(doc.optionIndex)]));
      for (const [id, vote] of votesWritten) if (vote.deliberationId === deliberationId) votes.set(id, vote.optionIndex);
      return [...votes.values()];
    },
    async listVoters(deliberationId) {
      const docs = await db.find(DELIBERATION_VOTERS, { deliberationId }, { orderBy: [{ field: 'userId', direction: 'asc' }], limit: RESIDENTS_CAP, fields: ['userId'] });
      const voters = new Set(docs.map((doc) => String(doc.userId)));
      for (const voter of votersWritten.values()) if (voter.deliberationId === deliberationId) voters.add(voter.userId);
      return [...voters].sort(binaryCompare);
    },
    async insertComment(comment) {
      await session.create(DELIBERATION_COMMENTS, toDoc(comment.id, comment), `UNIQUE constraint failed: deliberation_comments.id (${comment.id})`);
      commentsWritten.set(comment.id, { ...comment });
    },
    async eraseCommentsBy(userId, text) {
      const docs = await db.find(DELIBERATION_COMMENTS, { userId }, { limit: 10_000, fields: ['_id', 'text'] });
      const toErase = docs.filter((doc) => doc.text !== text);
      for (const doc of toErase) await session.update(DELIBERATION_COMMENTS, doc._id, { text });
      return toErase.length;
    },
    async listComments(deliberationId, limit) {
      const docs = await db.find(DELIBERATION_COMMENTS, { deliberationId }, { orderBy: [{ field: 'createdAt', direction: 'desc' }, { field: 'id', direction: 'desc' }], limit });
      const comments = new Map(docs.map((doc) => [doc._id, toComment(doc)]));
      for (const [id, comment] of commentsWritten) if (comment.deliberationId === deliberationId) comments.set(id, { ...comment });
      return [...comments.values()].sort(newestFirst).slice(0, limit);
    },
  };
}
