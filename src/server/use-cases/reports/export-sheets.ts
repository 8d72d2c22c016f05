import type { TDemandLine, TProjectView } from '../../../shared/contracts/ledgers';
import type { TAuditLine, TEvaluationRow, TFigures, TStatistics } from '../../../shared/contracts/reports';
import { CATEGORY_LABELS } from '../../../shared/domain/categories';
import { EVALUATION_GRADE_LABELS } from '../../../shared/domain/evaluation';
import { PROJECT_SOURCE_LABELS, PROJECT_STATUS_LABELS } from '../../../shared/domain/project-rules';
import { REQUEST_STATE_LABELS } from '../../../shared/domain/request-state';
import { changePercent } from '../../../shared/domain/statistics';
import type { SheetSpec } from './workbook';

/** China wall-clock time for a cell: 2026-11-23 14:05. */
export function chinaTime(iso: string | null): string {
  if (!iso) return '';
  return new Date(Date.parse(iso) + 8 * 60 * 60 * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

export function demandSheet(title: string, lines: TDemandLine[]): SheetSpec {
  return {
    name: '民意民盼台账',
    title,
    columns: [
      { header: '提交时间', key: 'createdAt', width: 18 },
      { header: '类型', key: 'category', width: 10 },
      { header: '内容', key: 'description', width: 40 },
      { header: '网格', key: 'grid', width: 12 },
      { header: '居民', key: 'resident', width: 10 },
      { header: '状态', key: 'state', width: 12 },
      { header: '办理人', key: 'assignee', width: 10 },
      { header: '接单时间', key: 'acceptedAt', width: 18 },
      { header: '完成时间', key: 'completedAt', width: 18 },
      { header: '评价（星）', key: 'rating', width: 10 },
      { header: '建议采纳', key: 'adopted', width: 10 },
      { header: '答复', key: 'reply', width: 30 },
    ],
    rows: lines.map((line) => ({
      createdAt: chinaTime(line.createdAt),
      category: CATEGORY_LABELS[line.category],
      description: line.description,
      grid: line.gridName ?? '',
      resident: line.residentName,
      state: REQUEST_STATE_LABELS[line.state],
      assignee: line.assigneeName ?? '',
      acceptedAt: chinaTime(line.acceptedAt),
      completedAt: chinaTime(line.completedAt),
      rating: line.ratingStars,
      adopted: line.suggestionReply ? (line.suggestionReply.adopted ? '已采纳' : '未采纳') : '',
      reply: line.suggestionReply?.reply ?? '',
    })),
  };
}

export function projectsSheet(title: string, projects: TProjectView[]): SheetSpec {
  return {
    name: '民生实事台账',
    title,
    columns: [
      { header: '项目', key: 'title', width: 30 },
      { header: '来源', key: 'source', width: 10 },
      { header: '责任单位', key: 'department', width: 16 },
      { header: '负责人', key: 'owner', width: 10 },
      { header: '完成时限', key: 'target', width: 12 },
      { header: '节点完成', key: 'milestones', width: 10 },
      { header: '最新进展', key: 'progress', width: 40 },
      { header: '完成百分比', key: 'percent', width: 10 },
      { header: '逾期未报月份', key: 'late', width: 16 },
      { header: '居民支持', key: 'supports', width: 10 },
      { header: '状态', key: 'status', width: 10 },
      { header: '销账说明', key: 'writeOff', width: 30 },
    ],
    rows: projects.map((project) => ({
      title: project.title,
      source: PROJECT_SOURCE_LABELS[project.source],
      department: project.ownerDepartment,
      owner: project.ownerName,
      target: project.targetDate,
      milestones: `${project.milestones.filter((milestone) => milestone.doneAt).length}/${project.milestones.length}`,
      progress: project.latestProgress ? `${project.latestProgress.month}：${project.latestProgress.text}` : '',
      percent: project.latestProgress?.percent ?? null,
      late: project.lateMonths.join('、'),
      supports: project.supportCount,
      status: PROJECT_STATUS_LABELS[project.status],
      writeOff: project.writeOffNote ?? '',
    })),
  };
}

const FIGURE_LINES: { label: string; value: (figures: TFigures) => number | null }[] = [
  { label: '求助数', value: (figures) => figures.submitted },
  { label: '已办结', value: (figures) => figures.completed },
  { label: '响应时间中位数（分钟）', value: (figures) => figures.responseTime.medianMinutes },
  { label: '响应时间 P90（分钟）', value: (figures) => figures.responseTime.p90Minutes },
  { label: '办理时间中位数（分钟）', value: (figures) => figures.completionTime.medianMinutes },
  { label: '办理时间 P90（分钟）', value: (figures) => figures.completionTime.p90Minutes },
  { label: '评价数', value: (figures) => figures.satisfaction.rated },
  { label: '平均星级', value: (figures) => figures.satisfaction.averageStars },
  { label: '满意率（%）', value: (figures) => figures.satisfaction.satisfiedPercent },
  { label: '活跃党员/志愿者', value: (figures) => figures.activeMembers },
  { label: '发放积分', value: (figures) => figures.pointsIssued },
  { label: '兑换积分', value: (figures) => figures.pointsRedeemed },
];

export function statisticsSheets(title: string, stats: TStatistics): SheetSpec[] {
  const count = (label: string, value: number) => ({ label, value });
  const table = (name: string, header: string, rows: { label: string; value: number }[]): SheetSpec => ({
    name,
    title: `${title} · ${name}`,
    columns: [
      { header, key: 'label', width: 20 },
      { header: '数量', key: 'value', width: 10 },
    ],
    rows,
  });
  return [
    {
      name: '总体指标',
      title,
      columns: [
        { header: '指标', key: 'label', width: 24 },
        { header: stats.period.label, key: 'current', width: 16 },
        { header: stats.previousPeriod.label, key: 'previous', width: 16 },
        { header: '环比（%）', key: 'change', width: 12 },
      ],
      rows: FIGURE_LINES.map(({ label, value }) => {
        const current = value(stats.current);
        const previous = value(stats.previous);
        return { label, current, previous, change: current === null || previous === null ? null : changePercent(current, previous) };
      }),
    },
    table('按类型', '类型', stats.byCategory.map((row) => count(CATEGORY_LABELS[row.category], row.count))),
    table('按状态', '状态', stats.byState.map((row) => count(REQUEST_STATE_LABELS[row.state], row.count))),
    table(stats.scope.kind === 'district' ? '按社区' : '按网格', stats.scope.kind === 'district' ? '社区' : '网格', stats.byArea.map((row) => count(row.name, row.count))),
  ];
}

export function evaluationsSheet(title: string, rows: TEvaluationRow[]): SheetSpec {
  return {
    name: '定期评价',
    title,
    columns: [
      { header: '排名', key: 'rank', width: 6 },
      { header: '姓名', key: 'name', width: 10 },
      { header: '网格', key: 'grid', width: 12 },
      { header: '获得积分', key: 'earned', width: 10 },
      { header: '完成求助', key: 'tasks', width: 10 },
      { header: '评价数', key: 'ratings', width: 8 },
      { header: '平均星级', key: 'average', width: 10 },
      { header: '评价等次', key: 'grade', width: 10 },
      { header: '评语', key: 'note', width: 30 },
    ],
    rows: rows.map((row) => ({
      rank: row.rank,
      name: row.name,
      grid: row.gridName ?? '',
      earned: row.earned,
      tasks: row.tasksCompleted,
      ratings: row.ratings,
      average: row.averageRating,
      grade: row.grade ? EVALUATION_GRADE_LABELS[row.grade] : '未评价',
      note: row.note,
    })),
  };
}

export function auditSheet(title: string, lines: TAuditLine[]): SheetSpec {
  return {
    name: '操作日志',
    title,
    columns: [
      { header: '时间', key: 'at', width: 18 },
      { header: '操作人', key: 'actor', width: 10 },
      { header: '身份', key: 'roles', width: 14 },
      { header: '操作', key: 'action', width: 16 },
      { header: '对象编号', key: 'target', width: 24 },
      { header: '内容', key: 'detail', width: 30 },
      { header: '云函数', key: 'function', width: 24 },
    ],
    rows: lines.map((line) => ({
      at: chinaTime(line.at),
      actor: line.actorName,
      roles: line.actorRoles,
      action: line.actionLabel,
      target: line.targetId ?? '',
      detail: line.detail,
      function: line.action,
    })),
  };
}
