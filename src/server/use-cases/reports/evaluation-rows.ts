import type { TEvaluationRow } from '../../../shared/contracts/reports';
import type { Period } from '../../../shared/domain/periods';
import type { Tx } from '../../ports';

/** Members ranked by points earned in the period, then by average rating, with the evaluation recorded for it. */
export async function evaluationRows(tx: Tx, communityId: string, period: Period): Promise<TEvaluationRow[]> {
  const figures = await tx.reports.memberFigures(communityId, period.start, period.end);
  const evaluations = new Map((await tx.evaluations.listForPeriod(communityId, period.key)).map((evaluation) => [evaluation.memberId, evaluation]));
  const grids = new Map((await tx.communities.listGrids(communityId)).map((grid) => [grid.id, grid.name]));
  figures.sort((a, b) => b.earned - a.earned || (b.averageRating ?? 0) - (a.averageRating ?? 0) || b.tasksCompleted - a.tasksCompleted || a.memberId.localeCompare(b.memberId));
  return figures.map((member, index) => ({
    rank: index + 1,
    memberId: member.memberId,
    name: member.name,
    gridName: member.gridId ? (grids.get(member.gridId) ?? null) : null,
    earned: member.earned,
    tasksCompleted: member.tasksCompleted,
    ratings: member.ratings,
    averageRating: member.averageRating === null ? null : Math.round(member.averageRating * 100) / 100,
    grade: evaluations.get(member.memberId)?.grade ?? null,
    note: evaluations.get(member.memberId)?.note ?? '',
  }));
}
