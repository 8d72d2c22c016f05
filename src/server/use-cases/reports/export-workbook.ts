import type { TDemandLine, TProjectView } from '../../../shared/contracts/ledgers';
import type { ExportKind, TAuditLine, TExportWorkbookInput } from '../../../shared/contracts/reports';
import { parsePeriod, type Period } from '../../../shared/domain/periods';
import { AppError } from '../../../shared/errors';
import type { Caller, Runtime, Tx } from '../../ports';
import { computeStatistics } from './compute-statistics';
import { evaluationRows } from './evaluation-rows';
import { auditSheet, demandSheet, evaluationsSheet, projectsSheet, statisticsSheets } from './export-sheets';
import { auditCommunities, toAuditLine } from './audit-lines';
import { resolveStatisticsScope } from './statistics-scope';
import { buildWorkbook, type SheetSpec } from './workbook';
import { toDemandLine } from '../../views/demand-view';
import { toProjectViews } from '../../views/project-view';
import type { ActionContext } from '../context';

/** A month of a busy district; more than this is refused rather than truncated silently. */
const MAX_ROWS = 100_000;
interface ExportInput {
  kind: ExportKind;
  period: string;
  scope: 'community' | 'grid' | 'district';
  gridId?: string;
  communityId?: string;
}

const KIND_NAMES: Record<ExportKind, string> = { demand: '民意民盼台账', projects: '民生实事台账', statistics: '统计报表', evaluations: '定期评价', audit: '操作日志' };

/** Builds the chosen ledger, statistics or evaluation list for a period as .xlsx and returns a temporary link. */
export async function exportWorkbook({ runtime, caller }: ActionContext, input: TExportWorkbookInput) {
  const period = parsePeriod(input.period) as Period;
  const districtViewer = caller.roles.includes('district_viewer') && !caller.roles.includes('admin');
  if (districtViewer && input.kind !== 'statistics' && input.kind !== 'audit') throw new AppError('FORBIDDEN', '街道/区级账号只能导出统计报表和操作日志');
  if ((input.scope !== 'community' || input.communityId) && input.kind !== 'statistics' && input.kind !== 'audit') {
    throw new AppError('VALIDATION_FAILED', '按网格或全辖区只能导出统计报表', [{ path: ['scope'], message: '只能导出统计报表' }]);
  }
  const { sheets, rows, place } = await runtime.store.read((tx) => sheetsFor(tx, runtime, caller, input, period));
  const title = `${place} ${KIND_NAMES[input.kind]}（${period.label}）`;
  const bytes = await buildWorkbook(sheets(title));
  const fileName = `${place}-${KIND_NAMES[input.kind]}-${period.key}.xlsx`.replace(/[/\\\s]+/g, '');
  const saved = await runtime.files.saveExport(fileName, bytes);
  return { url: saved.url, fileName, rows, expiresAt: new Date(saved.expiresAt).toISOString() };
}

async function sheetsFor(tx: Tx, runtime: Runtime, caller: Caller, { kind, scope, gridId, communityId }: ExportInput, period: Period) {
  const community = await tx.communities.get(caller.communityId);
  const place = community?.name ?? '社区';
  if (kind === 'statistics') {
    const resolved = await resolveStatisticsScope(tx, caller, { scope, gridId, communityId });
    const stats = await computeStatistics(tx, resolved, period);
    return { place: resolved.name, rows: stats.current.submitted, sheets: (title: string) => statisticsSheets(title, stats) };
  }
  if (kind === 'audit') {
    const lines = await auditLinesIn(tx, caller, communityId, period);
    return { place: scope === 'district' && !communityId ? '全辖区' : place, rows: lines.length, sheets: (title: string) => [auditSheet(title, lines)] };
  }
  if (kind === 'evaluations') {
    const rows = await evaluationRows(tx, caller.communityId, period);
    return { place, rows: rows.length, sheets: (title: string): SheetSpec[] => [evaluationsSheet(title, rows)] };
  }
  if (kind === 'demand') {
    const found = await tx.demand.listAll({ communityId: caller.communityId, gridId: null, category: null, state: null, from: period.start, to: period.end }, MAX_ROWS + 1);
    if (found.length > MAX_ROWS) throw new AppError('VALIDATION_FAILED', `这个周期超过 ${MAX_ROWS} 条，请按月导出`);
    const lines: TDemandLine[] = [];
    for (const row of found) lines.push(await toDemandLine(tx, row));
    return { place, rows: lines.length, sheets: (title: string) => [demandSheet(title, lines)] };
  }
  const projects = await projectsRunningIn(tx, runtime, caller, period);
  return { place, rows: projects.length, sheets: (title: string) => [projectsSheet(title, projects)] };
}

/** Projects that were on the ledger at some point of the period: opened before its end, not written off before its start. */
async function projectsRunningIn(tx: Tx, runtime: Runtime, caller: Caller, period: Period): Promise<TProjectView[]> {
  const running = [];
  let cursor: string | undefined;
  do {
    const page = await tx.projects.list(caller.communityId, null, { cursor, limit: 50 });
    running.push(...page.items.filter((project) => project.createdAt < period.end && (project.writtenOffAt === null || project.writtenOffAt >= period.start)));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return toProjectViews(tx, runtime, caller, running.reverse());
}

/** The period's entries of the log, oldest first as a ledger reads; refused past the row limit rather than cut. */
async function auditLinesIn(tx: Tx, caller: Caller, communityId: string | undefined, period: Period): Promise<TAuditLine[]> {
  const communities = await auditCommunities(tx, caller, communityId);
  const lines: TAuditLine[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await tx.audit.list(communities, { cursor, limit: 100 });
    for (const entry of page.items) if (entry.at >= period.start && entry.at < period.end) lines.push(toAuditLine(entry));
    if (lines.length > MAX_ROWS) throw new AppError('VALIDATION_FAILED', `这个周期超过 ${MAX_ROWS} 条，请按月导出`);
    const oldest = page.items[page.items.length - 1];
    if (!page.nextCursor || !oldest || oldest.at < period.start) break;
    cursor = page.nextCursor;
  }
  return lines.reverse();
}
