import type { TFigures, TStatistics } from '../../../shared/contracts/reports';
import { REQUEST_CATEGORIES } from '../../../shared/domain/categories';
import { periodOf, previousPeriod, type Period } from '../../../shared/domain/periods';
import { totalsByKind } from '../../../shared/domain/posting-kinds';
import { REQUEST_STATES } from '../../../shared/domain/request-state';
import { summarizeDurations, summarizeRatings } from '../../../shared/domain/statistics';
import type { RequestFact, StatsScope, Tx } from '../../ports';
import type { ResolvedScope } from './statistics-scope';

const TREND_MONTHS = 6;

/** The headline figures of one period, from the requests submitted in it and the points posted in it. */
export async function computeFigures(tx: Tx, scope: StatsScope, period: Period, facts?: Promise<RequestFact[]>): Promise<TFigures> {
  const [requests, byKind, activeMembers] = await Promise.all([
    facts ?? tx.reports.requestFacts(scope, period.start, period.end),
    tx.reports.pointsByKind(scope, period.start, period.end),
    tx.reports.activeMembers(scope, period.start, period.end),
  ]);
  const responses: number[] = [];
  const completions: number[] = [];
  const stars: number[] = [];
  let completed = 0;
  for (const fact of requests) {
    if (fact.acceptedAt !== null) responses.push(fact.acceptedAt - fact.createdAt);
    if (fact.acceptedAt !== null && fact.completedAt !== null) completions.push(fact.completedAt - fact.acceptedAt);
    if (fact.state === 'completed' || fact.state === 'rated') completed++;
    if (fact.ratingStars !== null) stars.push(fact.ratingStars);
  }
  // Balances carried over from the paper ledger are not points issued for this period's work.
  const totals = totalsByKind({ ...byKind, opening_balance: 0 });
  return {
    submitted: requests.length,
    completed,
    responseTime: summarizeDurations(responses),
    completionTime: summarizeDurations(completions),
    satisfaction: summarizeRatings(stars),
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
  const factsRead = tx.reports.requestFacts(resolved.scope, period.start, period.end);
  const [facts, monthly, current, previous] = await Promise.all([
    factsRead,
    tx.reports.monthlyCounts(resolved.scope, from, period.end),
    computeFigures(tx, resolved.scope, period, factsRead),
    computeFigures(tx, resolved.scope, before),
  ]);
  const byCategory = new Map<string, number>();
  const byState = new Map<string, number>();
  const byArea = new Map<string, number>();
  for (const fact of facts) {
    byCategory.set(fact.category, (byCategory.get(fact.category) ?? 0) + 1);
    byState.set(fact.state, (byState.get(fact.state) ?? 0) + 1);
    const area = resolved.areaOf === 'grid' ? fact.gridId : fact.communityId;
    if (area) byArea.set(area, (byArea.get(area) ?? 0) + 1);
  }
  const counted = new Map(monthly.map((row) => [row.month, row]));
  const trend = [];
  for (let at = from; at < period.end; at = periodOf('month', at).end) {
    const month = periodOf('month', at).key;
    trend.push({ month, submitted: counted.get(month)?.submitted ?? 0, completed: counted.get(month)?.completed ?? 0 });
  }
  const unassigned = facts.length - [...byArea.values()].reduce((sum, count) => sum + count, 0);
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
