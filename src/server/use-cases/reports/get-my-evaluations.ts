import { parsePeriod, type Period } from '../../../shared/domain/periods';
import type { ActionContext } from '../context';

/** A member's own evaluations, newest period first. */
export async function getMyEvaluations({ runtime, caller }: ActionContext) {
  return runtime.store.read(async (tx) => ({
    items: (await tx.evaluations.listForMember(caller.id)).map((evaluation) => {
      const period = parsePeriod(evaluation.period) as Period;
      return { period: { key: period.key, label: period.label }, grade: evaluation.grade, note: evaluation.note, evaluatedAt: new Date(evaluation.evaluatedAt).toISOString() };
    }),
  }));
}
