import { reportsContract } from '../../src/shared/contracts/reports';
import { defineFunction } from '../../src/server/functions/define-function';
import { exportWorkbook } from '../../src/server/use-cases/export-workbook';
import { getMyEvaluations } from '../../src/server/use-cases/get-my-evaluations';
import { getStatistics } from '../../src/server/use-cases/get-statistics';
import { listEvaluations } from '../../src/server/use-cases/list-evaluations';
import { recordEvaluation } from '../../src/server/use-cases/record-evaluation';

/** Statistics, periodic evaluations and Excel exports; exceljs loads only when an export is asked for. */
export const main = defineFunction('reports', reportsContract, {
  getStatistics,
  listEvaluations,
  recordEvaluation,
  getMyEvaluations,
  exportWorkbook,
});
