import type { RequestCategory } from '../../../shared/domain/categories';
import { periodOf } from '../../../shared/domain/periods';
import { EARNING_KINDS } from '../../../shared/domain/posting-kinds';
import type { RequestState } from '../../../shared/domain/request-state';
import type { Tally } from '../../../shared/domain/statistics';
import type { MemberFigures, ReportRepo, StatsScope } from '../../ports';
import type { Doc, DocDb, GroupRow, Where } from './doc-db';
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
 * SQLite aggregates in SQL; here the database groups and sums too (`aggregate`: `$match` then
 * `$group`), so a month of a busy community or a whole district is a few calls sent together, not
 * its rows read one page at a time. Durations are grouped in whole minutes, which gives the exact
 * rounded percentiles. Only a grid's points, which need each posting's two accounts, still read the
 * rows: newest first on (time, id) by keyset, one community at a time.
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
  // Every chunk at once: one round trip however many there are.
  const pages = await Promise.all(chunks([...new Set(ids)], IN_CHUNK).map((chunk) => db.find(collection, { _id: { in: chunk } }, { limit: chunk.length, fields })));
  for (const doc of pages.flat()) found.set(doc._id, doc);
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
const scopeWhere = (scope: StatsScope): Where => ({ communityId: { in: communitiesOf(scope) }, gridId: scope.gridId ?? undefined });

export function createReportRepo(db: DocDb, _session: StoreSession): ReportRepo {
  return {
    async requestSummary(scope, from, to) {
      const match: Where = { ...scopeWhere(scope), createdAt: { gte: from, lt: to } };
      const tally = (rows: GroupRow[]): Tally[] => rows.flatMap((row) => (typeof row.value === 'number' ? [{ value: row.value, count: row.count }] : []));
      // Four groupings of the same rows, computed by the database and sent together.
      const [groups, responses, completions, stars] = await Promise.all([
        db.aggregate({ collection: REQUESTS, match, groupBy: { communityId: 'communityId', gridId: 'gridId', category: 'category', state: 'state' } }),
        db.aggregate({ collection: REQUESTS, match, groupBy: { value: { minutesFrom: 'createdAt', to: 'acceptedAt' } } }),
        db.aggregate({ collection: REQUESTS, match, groupBy: { value: { minutesFrom: 'acceptedAt', to: 'completedAt' } } }),
        db.aggregate({ collection: REQUESTS, match, groupBy: { value: 'ratingStars' } }),
      ]);
      return {
        groups: groups.map((row) => ({
          communityId: String(row.communityId),
          gridId: orNull<string>(row.gridId),
          category: row.category as RequestCategory,
          state: row.state as RequestState,
          count: row.count,
        })),
        responseMinutes: tally(responses),
        completionMinutes: tally(completions),
        stars: tally(stars),
      };
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
      const communityId = { in: communitiesOf(scope) };
      // Who accepted a request, and which accounts earned duty or activity points: distinct values, grouped by the database.
      const [assignees, credited] = await Promise.all([
        db.aggregate({ collection: REQUESTS, match: { communityId, acceptedAt: { gte: from, lt: to } }, groupBy: { id: 'assigneeId' } }),
        db.aggregate({ collection: POSTINGS, match: { communityId, kind: { in: ['duty', 'activity'] }, createdAt: { gte: from, lt: to } }, groupBy: { id: 'creditAccountId' } }),
      ]);
      const active = new Set<string>();
      for (const row of assignees) if (typeof row.id === 'string') active.add(row.id);
      for (const owner of (await memberAccountOwners(db, credited.map((row) => String(row.id)))).values()) active.add(owner);
      if (scope.gridId === null) return active.size;
      return (await membersOfGrid(db, active, scope.gridId)).size;
    },

    async pointsByKind(scope, from, to) {
      if (scope.gridId === null) {
        const rows = await db.aggregate({ collection: POSTINGS, match: { communityId: { in: communitiesOf(scope) }, createdAt: { gte: from, lt: to } }, groupBy: { kind: 'kind' }, sums: { total: 'amount' } });
        return Object.fromEntries(rows.map((row) => [String(row.kind), Number(row.total)] as const).sort(([a], [b]) => binaryCompare(a, b)));
      }
      const budget: Budget = { left: REPORT_ROW_CAP };
      const fields = ['kind', 'amount', 'creditAccountId', 'debitAccountId'];
      const postings: Doc[] = [];
      for (const communityId of communitiesOf(scope)) postings.push(...(await scanPeriod(db, POSTINGS, { communityId }, 'createdAt', from, to, fields, budget)));
      // A grid counts a posting when either side is the member account of a member of the grid.
      const accounts = new Set(postings.flatMap((doc) => [String(doc.creditAccountId), String(doc.debitAccountId)]));
      const owners = await memberAccountOwners(db, accounts);
      const inGrid = await membersOfGrid(db, owners.values(), scope.gridId);
      const gridAccounts = new Set([...owners].filter(([, owner]) => inGrid.has(owner)).map(([account]) => account));
      const counted = postings.filter((doc) => gridAccounts.has(String(doc.creditAccountId)) || gridAccounts.has(String(doc.debitAccountId)));
      const totals = new Map<string, number>();
      for (const doc of counted) totals.set(String(doc.kind), (totals.get(String(doc.kind)) ?? 0) + Number(doc.amount));
      return Object.fromEntries([...totals].sort(([a], [b]) => binaryCompare(a, b)));
    },

    async memberFigures(communityId, from, to) {
      const byAssignee = (rows: GroupRow[], value: (row: GroupRow) => number) =>
        new Map(rows.flatMap((row) => (typeof row.id === 'string' ? [[row.id, value(row)] as const] : [])));
      // The members, and what was earned, completed and rated in the period grouped by the database, all at once.
      const [members, earnings, completions, rated, starred] = await Promise.all([
        db.find(
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
        ),
        db.aggregate({ collection: POSTINGS, match: { communityId, kind: { in: [...EARNING_KINDS] }, createdAt: { gte: from, lt: to } }, groupBy: { id: 'creditAccountId' }, sums: { total: 'amount' } }),
        db.aggregate({ collection: REQUESTS, match: { communityId, completedAt: { gte: from, lt: to } }, groupBy: { id: 'assigneeId' } }),
        db.aggregate({ collection: REQUESTS, match: { communityId, ratedAt: { gte: from, lt: to } }, groupBy: { id: 'assigneeId' } }),
        // AVG skips requests rated without stars, as SQLite's AVG skips NULL.
        db.aggregate({ collection: REQUESTS, match: { communityId, ratedAt: { gte: from, lt: to }, ratingStars: { ne: null } }, groupBy: { id: 'assigneeId' }, sums: { stars: 'ratingStars' } }),
      ]);
      const [users, owners] = await Promise.all([
        byIds(db, USERS, members.map((doc) => String(doc.userId)), ['name']),
        memberAccountOwners(db, earnings.map((row) => String(row.id))),
      ]);
      // Earned: earning postings credited to a member account, by its owner.
      const earned = new Map<string, number>();
      for (const row of earnings) {
        const owner = owners.get(String(row.id));
        if (owner !== undefined) earned.set(owner, (earned.get(owner) ?? 0) + Number(row.total));
      }
      const completed = byAssignee(completions, (row) => row.count);
      const ratingCounts = byAssignee(rated, (row) => row.count);
      const starTotals = new Map(starred.flatMap((row) => (typeof row.id === 'string' ? [[row.id, { count: row.count, stars: Number(row.stars) }] as const] : [])));

      const figures: MemberFigures[] = [];
      for (const member of members) {
        const memberId = String(member.userId);
        const user = users.get(memberId);
        if (!user) continue; // SQLite joins users: a member without a user row is not listed.
        const stars = starTotals.get(memberId);
        figures.push({
          memberId,
          name: String(user.name),
          gridId: orNull<string>(member.gridId),
          earned: earned.get(memberId) ?? 0,
          tasksCompleted: completed.get(memberId) ?? 0,
          ratings: ratingCounts.get(memberId) ?? 0,
          averageRating: stars && stars.count > 0 ? stars.stars / stars.count : null,
        });
      }
      return figures.sort((a, b) => binaryCompare(a.memberId, b.memberId));
    },
  };
}
