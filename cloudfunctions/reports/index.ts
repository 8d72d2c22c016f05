import { reportsContract } from '../../src/shared/contracts/reports';
import { defineFunction } from '../../src/server/functions/define-function';
import { exportWorkbook } from '../../src/server/use-cases/reports/export-workbook';
import { getMyEvaluations } from '../../src/server/use-cases/reports/get-my-evaluations';
import { getStatistics } from '../../src/server/use-cases/reports/get-statistics';
import { listAuditLog } from '../../src/server/use-cases/reports/list-audit-log';
import { listEvaluations } from '../../src/server/use-cases/reports/list-evaluations';
import { recordEvaluation } from '../../src/server/use-cases/reports/record-evaluation';
import { exportMyData } from '../../src/server/use-cases/privacy/export-my-data';

/** Statistics, periodic evaluations and Excel exports; exceljs loads only when an export is asked for. */
export const main = defineFunction('reports', reportsContract, {
  getStatistics,
  listEvaluations,
  recordEvaluation,
  getMyEvaluations,
  exportWorkbook,
  listAuditLog,
  exportMyData: (context) => exportMyData(context),
});
