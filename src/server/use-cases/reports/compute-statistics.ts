import type { TFigures, TStatistics } from '../../../shared/contracts/reports';
import { REQUEST_CATEGORIES } from '../../../shared/domain/categories';
import { periodOf, previousPeriod, type Period } from '../../../shared/domain/periods';
import { totalsByKind } from '../../../shared/domain/posting-kinds';
import { REQUEST_STATES } from '../../../shared/domain/request-state';
import { summarizeDurations, summarizeRatings } from '../../../shared/domain/statistics';
import type { RequestGroup, RequestSummary, StatsScope, Tx } from '../../ports';
import type { ResolvedScope } from './statistics-scope';

const TREND_MONTHS = 6;

/** The headline figures of one period, from the requests submitted in it and the points posted in it. */
export async function computeFigures(tx: Tx, scope: StatsScope, period: Period, summary?: Promise<RequestSummary>): Promise<TFigures> {
  const [requests, byKind, activeMembers] = await Promise.all([
    summary ?? tx.reports.requestSummary(scope, period.start, period.end),
    tx.reports.pointsByKind(scope, period.start, period.end),
    tx.reports.activeMembers(scope, period.start, period.end),
  ]);
  const countOf = (groups: readonly RequestGroup[]) => groups.reduce((sum, group) => sum + group.count, 0);
  // Balances carried over from the paper ledger are not points issued for this period's work.
  const totals = totalsByKind({ ...byKind, opening_balance: 0 });
  return {
    submitted: countOf(requests.groups),
    completed: countOf(requests.groups.filter((group) => group.state === 'completed' || group.state === 'rated')),
    responseTime: summarizeDurations(requests.responseMinutes),
    completionTime: summarizeDurations(requests.completionMinutes),
    satisfaction: summarizeRatings(requests.stars),
    activeMembers,
    pointsIssued: totals.issued,
    pointsRedeemed: totals.redeemed - totals.refunded,
  };
}

/** Everything the statistics page and its export show for a scope and period. */
export async function computeStatistics(tx: Tx, resolved: ResolvedScope, period: Period): Promise<TStatistics> {
  const before = previousPeriod(period);
  const trendStart = periodOf('month', period.end - 1);
  let from = trendStart.start;
  for (let step = 1; step < TREND_MONTHS; step++) from = previousPeriod(periodOf('month', from)).start;
  // Every query of both periods and the trend goes out together.
  const summaryRead = tx.reports.requestSummary(resolved.scope, period.start, period.end);
  const [summary, monthly, current, previous] = await Promise.all([
    summaryRead,
    tx.reports.monthlyCounts(resolved.scope, from, period.end),
    computeFigures(tx, resolved.scope, period, summaryRead),
    computeFigures(tx, resolved.scope, before),
  ]);
  const byCategory = new Map<string, number>();
  const byState = new Map<string, number>();
  const byArea = new Map<string, number>();
  const add = (counts: Map<string, number>, key: string, count: number) => counts.set(key, (counts.get(key) ?? 0) + count);
  for (const group of summary.groups) {
    add(byCategory, group.category, group.count);
    add(byState, group.state, group.count);
    const area = resolved.areaOf === 'grid' ? group.gridId : group.communityId;
    if (area) add(byArea, area, group.count);
  }
  const counted = new Map(monthly.map((row) => [row.month, row]));
  const trend = [];
  for (let at = from; at < period.end; at = periodOf('month', at).end) {
    const month = periodOf('month', at).key;
    trend.push({ month, submitted: counted.get(month)?.submitted ?? 0, completed: counted.get(month)?.completed ?? 0 });
  }
  const unassigned = current.submitted - [...byArea.values()].reduce((sum, count) => sum + count, 0);
  return {
    scope: { kind: resolved.kind, name: resolved.name },
    period: { key: period.key, label: period.label },
    previousPeriod: { key: before.key, label: before.label },
    current,
    previous,
    byCategory: REQUEST_CATEGORIES.map((category) => ({ category, count: byCategory.get(category) ?? 0 })),
    byState: REQUEST_STATES.map((state) => ({ state, count: byState.get(state) ?? 0 })),
    byArea: [
      ...resolved.areas.map((area) => ({ id: area.id, name: area.name, count: byArea.get(area.id) ?? 0 })),
      ...(unassigned > 0 && resolved.areaOf === 'grid' && resolved.kind === 'community' ? [{ id: 'none', name: '未划网格', count: unassigned }] : []),
    ],
    trend,
  };
}
