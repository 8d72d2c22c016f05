import type Database from 'better-sqlite3';
import type { RequestCategory } from '../../../shared/domain/categories';
import { periodOf } from '../../../shared/domain/periods';
import { EARNING_KINDS } from '../../../shared/domain/posting-kinds';
import type { RequestState } from '../../../shared/domain/request-state';
import type { ReportRepo, StatsScope } from '../../ports';
import { num, numOrNull, str, strOrNull, type Row } from './rows';

const EARNING_SQL = EARNING_KINDS.map((kind) => `'${kind}'`).join(', ');
const IN_SCOPE = 'community_id IN (SELECT value FROM json_each(@communities))';

export function createReportRepo(db: Database.Database): ReportRepo {
  const params = (scope: StatsScope, from: number, to: number) => ({ communities: JSON.stringify(scope.communityIds), grid: scope.gridId, from, to });
  const gridClause = (scope: StatsScope, column: string) => (scope.gridId === null ? '' : `AND ${column} = @grid`);
  const memberInGrid = (scope: StatsScope, userColumn: string) =>
    scope.gridId === null ? '' : `AND ${userColumn} IN (SELECT user_id FROM members WHERE grid_id = @grid)`;

  return {
    async requestSummary(scope, from, to) {
      const where = `${IN_SCOPE} AND created_at >= @from AND created_at < @to ${gridClause(scope, 'grid_id')}`;
      const values = params(scope, from, to);
      const groups = db
        .prepare(`SELECT community_id, grid_id, category, state, COUNT(*) AS n FROM requests WHERE ${where} GROUP BY community_id, grid_id, category, state`)
        .all(values) as Row[];
      // Rounded to the nearest minute as roundedMinutes rounds (integer division of non-negative durations floors).
      const tally = (value: string, present: string) =>
        (db.prepare(`SELECT ${value} AS value, COUNT(*) AS n FROM requests WHERE ${where} AND ${present} GROUP BY 1`).all(values) as Row[]).map((row) => ({
          value: num(row.value),
          count: num(row.n),
        }));
      return {
        groups: groups.map((row) => ({
          communityId: str(row.community_id),
          gridId: strOrNull(row.grid_id),
          category: str(row.category) as RequestCategory,
          state: str(row.state) as RequestState,
          count: num(row.n),
        })),
        responseMinutes: tally('(accepted_at - created_at + 30000) / 60000', 'accepted_at IS NOT NULL'),
        completionMinutes: tally('(completed_at - accepted_at + 30000) / 60000', 'accepted_at IS NOT NULL AND completed_at IS NOT NULL'),
        stars: tally('rating_stars', 'rating_stars IS NOT NULL'),
      };
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
