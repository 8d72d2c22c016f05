import type { TListEvaluationsInput } from '../../../shared/contracts/reports';
import { parsePeriod, type Period } from '../../../shared/domain/periods';
import { evaluationRows } from './evaluation-rows';
import type { ActionContext } from '../context';

/** 定期评价: the month's or quarter's ranking of members by points and ratings, with the grades given so far. */
export async function listEvaluations({ runtime, caller }: ActionContext, input: TListEvaluationsInput) {
  const period = parsePeriod(input.period) as Period;
  return runtime.store.read(async (tx) => ({ period: { key: period.key, label: period.label }, rows: await evaluationRows(tx, caller.communityId, period) }));
}
