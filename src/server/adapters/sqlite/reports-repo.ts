import type Database from 'better-sqlite3';
import type { RequestCategory } from '../../../shared/domain/categories';
import { periodOf } from '../../../shared/domain/periods';
import { EARNING_KINDS } from '../../../shared/domain/posting-kinds';
import type { RequestState } from '../../../shared/domain/request-state';
import type { ReportRepo, RequestFact, StatsScope } from '../../ports';
import { num, numOrNull, str, strOrNull, type Row } from './rows';

const EARNING_SQL = EARNING_KINDS.map((kind) => `'${kind}'`).join(', ');
const IN_SCOPE = 'community_id IN (SELECT value FROM json_each(@communities))';

type FactRow = [string, string | null, string, string, number, number | null, number | null, number | null];

export function createReportRepo(db: Database.Database): ReportRepo {
  const params = (scope: StatsScope, from: number, to: number) => ({ communities: JSON.stringify(scope.communityIds), grid: scope.gridId, from, to });
  const gridClause = (scope: StatsScope, column: string) => (scope.gridId === null ? '' : `AND ${column} = @grid`);
  const memberInGrid = (scope: StatsScope, userColumn: string) =>
    scope.gridId === null ? '' : `AND ${userColumn} IN (SELECT user_id FROM members WHERE grid_id = @grid)`;

  return {
    async requestFacts(scope, from, to) {
      const statement = db
        .prepare(`SELECT community_id, grid_id, category, state, created_at, accepted_at, completed_at, rating_stars FROM requests
          WHERE ${IN_SCOPE} AND created_at >= @from AND created_at < @to ${gridClause(scope, 'grid_id')}`)
        .raw(true);
      return (statement.all(params(scope, from, to)) as FactRow[]).map(
        ([communityId, gridId, category, state, createdAt, acceptedAt, completedAt, ratingStars]): RequestFact => ({
          communityId,
          gridId,
          category: category as RequestCategory,
          state: state as RequestState,
          createdAt,
          acceptedAt,
          completedAt,
          ratingStars,
        }),
      );
    },
    async monthlyCounts(scope, from, to) {
      // One range scan of the covering index per month beats formatting every row's date.
      const statement = db.prepare(`SELECT COUNT(*) AS submitted, COALESCE(SUM(state IN ('completed', 'rated')), 0) AS completed FROM requests
        WHERE ${IN_SCOPE} AND created_at >= @from AND created_at < @to ${gridClause(scope, 'grid_id')}`);
      const months = [];
      for (let start = from; start < to; ) {
        const month = periodOf('month', start);
        const end = Math.min(month.end, to);
        const row = statement.get(params(scope, start, end)) as Row;
        months.push({ month: month.key, submitted: num(row.submitted), completed: num(row.completed) });
        start = end;
      }
      return months;
    },
    async activeMembers(scope, from, to) {
      const row = db
        .prepare(`SELECT COUNT(*) AS active FROM (
            SELECT assignee_id AS id FROM requests WHERE ${IN_SCOPE} AND accepted_at >= @from AND accepted_at < @to AND assignee_id IS NOT NULL ${memberInGrid(scope, 'assignee_id')}
            UNION
            SELECT a.owner_id FROM postings p JOIN accounts a ON a.id = p.credit_account_id
            WHERE p.${IN_SCOPE} AND p.kind IN ('duty', 'activity') AND p.created_at >= @from AND p.created_at < @to AND a.kind = 'member' ${memberInGrid(scope, 'a.owner_id')}
          )`)
        .get(params(scope, from, to)) as Row;
      return num(row.active);
    },
    async pointsByKind(scope, from, to) {
      const inGrid =
        scope.gridId === null
          ? ''
          : `AND EXISTS (SELECT 1 FROM accounts a JOIN members m ON m.user_id = a.owner_id
               WHERE a.id IN (p.credit_account_id, p.debit_account_id) AND a.kind = 'member' AND m.grid_id = @grid)`;
      const rows = db
        .prepare(`SELECT p.kind, SUM(p.amount) AS total FROM postings p WHERE p.${IN_SCOPE} AND p.created_at >= @from AND p.created_at < @to ${inGrid} GROUP BY p.kind`)
        .all(params(scope, from, to)) as Row[];
      return Object.fromEntries(rows.map((row) => [str(row.kind), num(row.total)]));
    },
    async memberFigures(communityId, from, to) {
      const rows = db
        .prepare(`SELECT m.user_id, u.name, m.grid_id,
            COALESCE(e.earned, 0) AS earned, COALESCE(t.completed, 0) AS completed, COALESCE(t.ratings, 0) AS ratings, t.average AS average
          FROM members m JOIN users u ON u.id = m.user_id
          LEFT JOIN (SELECT a.owner_id, SUM(p.amount) AS earned FROM postings p JOIN accounts a ON a.id = p.credit_account_id
                     WHERE p.community_id = @community AND p.kind IN (${EARNING_SQL}) AND p.created_at >= @from AND p.created_at < @to AND a.kind = 'member'
                     GROUP BY a.owner_id) e ON e.owner_id = m.user_id
          LEFT JOIN (SELECT assignee_id, SUM(completed_at >= @from AND completed_at < @to) AS completed,
                       SUM(rated_at >= @from AND rated_at < @to) AS ratings,
                       AVG(CASE WHEN rated_at >= @from AND rated_at < @to THEN rating_stars END) AS average
                     FROM requests WHERE community_id = @community AND assignee_id IS NOT NULL GROUP BY assignee_id) t ON t.assignee_id = m.user_id
          WHERE m.community_id = @community AND m.status = 'approved'`)
        .all({ community: communityId, from, to }) as Row[];
      return rows.map((row) => ({
        memberId: str(row.user_id),
        name: str(row.name),
        gridId: strOrNull(row.grid_id),
        earned: num(row.earned),
        tasksCompleted: num(row.completed),
        ratings: num(row.ratings),
        averageRating: numOrNull(row.average),
      }));
    },
  };
}
