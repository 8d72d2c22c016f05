import type { RequestCategory } from '../../../shared/domain/categories';
import { periodOf } from '../../../shared/domain/periods';
import { EARNING_KINDS } from '../../../shared/domain/posting-kinds';
import type { RequestState } from '../../../shared/domain/request-state';
import type { MemberFigures, ReportRepo, RequestFact, StatsScope } from '../../ports';
import type { Doc, DocDb, Where } from './doc-db';
import type { StoreSession } from './session-cache';
import { orNull } from './doc-db';
import { MEMBERS, USERS } from './users-repo';
import { binaryCompare } from './binary-compare';

/*
 * Statistics over other areas' collections, read only (nothing is written here):
 *   requests  RequestRecord fields (communityId, gridId, category, state, createdAt, acceptedAt,
 *             completedAt, ratedAt, ratingStars, assigneeId, id).
 *   postings  PostingRecord fields (communityId, kind, amount, creditAccountId, debitAccountId, createdAt, id).
 *   accounts  `_id` = account id: AccountRecord fields (kind, ownerId).
 *   members   `_id` = user id: MemberRecord fields (communityId, status, gridId, appliedAt, userId).
 *   users     `_id` = user id: UserRecord fields (name).
 *
 * SQLite aggregates in SQL; the document database has no GROUP BY here, so the rows of a scope and
 * period are read with only the fields needed and summed in memory. Counts use `count`. Rows are
 * read newest first on (time, id) by keyset, 1,000 per query (the adapter pages those by the
 * platform's per-call cap), one community at a time, so every query is an equality on communityId
 * plus a range on the time field.
 */

const REQUESTS = 'requests';
const POSTINGS = 'postings';
const ACCOUNTS = 'accounts';

/**
 * Rows (requests and postings together) one report call reads at most: 200,000 — a district of
 * twenty communities filing 800 requests a month for a year is ~190,000 requests. Past the cap the
 * oldest rows of the period are left out: the figures then cover only its newest 200,000 rows.
 */
export const REPORT_ROW_CAP = 200_000;
/** Rows per keyset query. */
const SCAN_BATCH = 1000;
/** Approved members of one community read at most for memberFigures. */
const MEMBERS_CAP = 10_000;
/** Values per `in` list. */
const IN_CHUNK = 100;

interface Budget {
  left: number;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/**
 * Every document matching `where` with `time` in [from, to), newest first on (time, id), with only
 * `fields` (plus the keys). Spends the budget; stops when it runs out.
 */
async function scanPeriod(db: DocDb, collection: string, where: Where, time: string, from: number, to: number, fields: readonly string[], budget: Budget): Promise<Doc[]> {
  const order = [
    { field: time, direction: 'desc' as const },
    { field: 'id', direction: 'desc' as const },
  ];
  const wanted = [...new Set([...fields, time, 'id'])];
  const out: Doc[] = [];
  let last: { at: number; id: string } | null = null;
  while (budget.left > 0 && from < to) {
    const want = Math.min(SCAN_BATCH, budget.left);
    let docs: Doc[];
    if (!last) {
      docs = await db.find(collection, { ...where, [time]: { gte: from, lt: to } }, { orderBy: order, limit: want, fields: wanted });
    } else {
      // No row comparison in the database: the rest of the last row's time, then everything older.
      docs = await db.find(collection, { ...where, [time]: last.at, id: { lt: last.id } }, { orderBy: [order[1]], limit: want, fields: wanted });
      if (docs.length < want) {
        docs.push(...(await db.find(collection, { ...where, [time]: { gte: from, lt: last.at } }, { orderBy: order, limit: want - docs.length, fields: wanted })));
      }
    }
    out.push(...docs);
    budget.left -= docs.length;
    if (docs.length < want) break;
    const tail = docs[docs.length - 1];
    last = { at: Number(tail[time]), id: String(tail.id) };
  }
  return out;
}

/** Documents by `_id`, with only these fields. */
async function byIds(db: DocDb, collection: string, ids: Iterable<string>, fields: readonly string[]): Promise<Map<string, Doc>> {
  const found = new Map<string, Doc>();
  for (const chunk of chunks([...new Set(ids)], IN_CHUNK)) {
    for (const doc of await db.find(collection, { _id: { in: chunk } }, { limit: chunk.length, fields })) found.set(doc._id, doc);
  }
  return found;
}

/** Owner of each member account among these accounts (other kinds are left out). */
async function memberAccountOwners(db: DocDb, accountIds: Iterable<string>): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  for (const [id, doc] of await byIds(db, ACCOUNTS, accountIds, ['kind', 'ownerId'])) if (doc.kind === 'member') owners.set(id, String(doc.ownerId));
  return owners;
}

/** Those of these users who are members of the grid (as SQLite: any member row with that grid_id). */
async function membersOfGrid(db: DocDb, userIds: Iterable<string>, gridId: string): Promise<Set<string>> {
  const inGrid = new Set<string>();
  for (const [id, doc] of await byIds(db, MEMBERS, userIds, ['gridId'])) if (doc.gridId === gridId) inGrid.add(id);
  return inGrid;
}

const communitiesOf = (scope: StatsScope): string[] => [...new Set(scope.communityIds)];

export function createReportRepo(db: DocDb, _session: StoreSession): ReportRepo {
  const requestWhere = (communityId: string, scope: StatsScope): Where => ({ communityId, gridId: scope.gridId ?? undefined });

  return {
    async requestFacts(scope, from, to) {
      const budget: Budget = { left: REPORT_ROW_CAP };
      const facts: RequestFact[] = [];
      for (const communityId of communitiesOf(scope)) {
        const docs = await scanPeriod(
          db,
          REQUESTS,
          requestWhere(communityId, scope),
          'createdAt',
          from,
          to,
          ['communityId', 'gridId', 'category', 'state', 'acceptedAt', 'completedAt', 'ratingStars'],
          budget,
        );
        for (const doc of docs) {
          facts.push({
            communityId: String(doc.communityId),
            gridId: orNull<string>(doc.gridId),
            category: doc.category as RequestCategory,
            state: doc.state as RequestState,
            createdAt: Number(doc.createdAt),
            acceptedAt: orNull<number>(doc.acceptedAt),
            completedAt: orNull<number>(doc.completedAt),
            ratingStars: orNull<number>(doc.ratingStars),
          });
        }
      }
      return facts;
    },

    async monthlyCounts(scope, from, to) {
      // Two counts per China month, as SQLite's range per month.
      const communityId = { in: communitiesOf(scope) };
      const ranges: { month: string; start: number; end: number }[] = [];
      for (let start = from; start < to; ) {
        const month = periodOf('month', start);
        const end = Math.min(month.end, to);
        ranges.push({ month: month.key, start, end });
        start = end;
      }
      // Every month's two counts in one round trip.
      const months = await Promise.all(
        ranges.map(async ({ month, start, end }) => {
          const where: Where = { communityId, gridId: scope.gridId ?? undefined, createdAt: { gte: start, lt: end } };
          const [submitted, completed] = await Promise.all([db.count(REQUESTS, where), db.count(REQUESTS, { ...where, state: { in: ['completed', 'rated'] } })]);
          return { month, submitted, completed };
        }),
      );
      return months;
    },

    async activeMembers(scope, from, to) {
      const budget: Budget = { left: REPORT_ROW_CAP };
      const active = new Set<string>();
      const creditAccounts = new Set<string>();
      for (const communityId of communitiesOf(scope)) {
        const [accepted, postings] = await Promise.all([
          scanPeriod(db, REQUESTS, { communityId }, 'acceptedAt', from, to, ['assigneeId'], budget),
          scanPeriod(db, POSTINGS, { communityId, kind: { in: ['duty', 'activity'] } }, 'createdAt', from, to, ['creditAccountId'], budget),
        ]);
        for (const doc of accepted) {
          if (typeof doc.assigneeId === 'string') active.add(doc.assigneeId);
        }
        for (const doc of postings) creditAccounts.add(String(doc.creditAccountId));
      }
      for (const owner of (await memberAccountOwners(db, creditAccounts)).values()) active.add(owner);
      if (scope.gridId === null) return active.size;
      return (await membersOfGrid(db, active, scope.gridId)).size;
    },

    async pointsByKind(scope, from, to) {
      const budget: Budget = { left: REPORT_ROW_CAP };
      const fields = scope.gridId === null ? ['kind', 'amount'] : ['kind', 'amount', 'creditAccountId', 'debitAccountId'];
      const postings: Doc[] = [];
      for (const communityId of communitiesOf(scope)) postings.push(...(await scanPeriod(db, POSTINGS, { communityId }, 'createdAt', from, to, fields, budget)));
      let counted = postings;
      if (scope.gridId !== null) {
        // A posting counts when either side is the member account of a member of the grid.
        const accounts = new Set(postings.flatMap((doc) => [String(doc.creditAccountId), String(doc.debitAccountId)]));
        const owners = await memberAccountOwners(db, accounts);
        const inGrid = await membersOfGrid(db, owners.values(), scope.gridId);
        const gridAccounts = new Set([...owners].filter(([, owner]) => inGrid.has(owner)).map(([account]) => account));
        counted = postings.filter((doc) => gridAccounts.has(String(doc.creditAccountId)) || gridAccounts.has(String(doc.debitAccountId)));
      }
      const totals = new Map<string, number>();
      for (const doc of counted) totals.set(String(doc.kind), (totals.get(String(doc.kind)) ?? 0) + Number(doc.amount));
      return Object.fromEntries([...totals].sort(([a], [b]) => binaryCompare(a, b)));
    },

    async memberFigures(communityId, from, to) {
      const budget: Budget = { left: REPORT_ROW_CAP };
      const members = await db.find(
        MEMBERS,
        { communityId, status: 'approved' },
        {
          orderBy: [
            { field: 'appliedAt', direction: 'desc' },
            { field: 'userId', direction: 'desc' },
          ],
          limit: MEMBERS_CAP,
          fields: ['userId', 'gridId'],
        },
      );
      const users = await byIds(db, USERS, members.map((doc) => String(doc.userId)), ['name']);

      // Earned: earning postings credited to a member account, by its owner.
      const earned = new Map<string, number>();
      const earnings = await scanPeriod(db, POSTINGS, { communityId, kind: { in: [...EARNING_KINDS] } }, 'createdAt', from, to, ['creditAccountId', 'amount'], budget);
      const owners = await memberAccountOwners(db, earnings.map((doc) => String(doc.creditAccountId)));
      for (const doc of earnings) {
        const owner = owners.get(String(doc.creditAccountId));
        if (owner !== undefined) earned.set(owner, (earned.get(owner) ?? 0) + Number(doc.amount));
      }

      // Tasks completed and ratings received in the period, by assignee.
      const completed = new Map<string, number>();
      for (const doc of await scanPeriod(db, REQUESTS, { communityId }, 'completedAt', from, to, ['assigneeId'], budget)) {
        if (typeof doc.assigneeId === 'string') completed.set(doc.assigneeId, (completed.get(doc.assigneeId) ?? 0) + 1);
      }
      const ratings = new Map<string, { count: number; stars: number; starred: number }>();
      for (const doc of await scanPeriod(db, REQUESTS, { communityId }, 'ratedAt', from, to, ['assigneeId', 'ratingStars'], budget)) {
        if (typeof doc.assigneeId !== 'string') continue;
        const tally = ratings.get(doc.assigneeId) ?? { count: 0, stars: 0, starred: 0 };
        tally.count++;
        // AVG skips requests rated without stars, as SQLite's AVG skips NULL.
        if (typeof doc.ratingStars === 'number') {
          tally.stars += doc.ratingStars;
          tally.starred++;
        }
        ratings.set(doc.assigneeId, tally);
      }

      const figures: MemberFigures[] = [];
      for (const member of members) {
        const memberId = String(member.userId);
        const user = users.get(memberId);
        if (!user) continue; // SQLite joins users: a member without a user row is not listed.
        const rated = ratings.get(memberId);
        figures.push({
          memberId,
          name: String(user.name),
          gridId: orNull<string>(member.gridId),
          earned: earned.get(memberId) ?? 0,
          tasksCompleted: completed.get(memberId) ?? 0,
          ratings: rated?.count ?? 0,
          averageRating: rated && rated.starred > 0 ? rated.stars / rated.starred : null,
        });
      }
      return figures.sort((a, b) => binaryCompare(a.memberId, b.memberId));
    },
  };
}
