import type { TStatisticsInput } from '../../../shared/contracts/reports';
import { parsePeriod, type Period } from '../../../shared/domain/periods';
import { computeStatistics } from './compute-statistics';
import { resolveStatisticsScope } from './statistics-scope';
import type { ActionContext } from '../context';

/** Statistics of a community, a grid or the district for a month or a quarter, with the period before it. */
export async function getStatistics({ runtime, caller }: ActionContext, input: TStatisticsInput) {
  return runtime.store.read(async (tx) => computeStatistics(tx, await resolveStatisticsScope(tx, caller, input), parsePeriod(input.period) as Period));
}
