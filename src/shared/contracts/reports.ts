import { z } from 'zod';
import { REQUEST_CATEGORIES } from '../domain/categories';
import { EVALUATION_GRADES } from '../domain/evaluation';
import { REQUEST_STATES } from '../domain/request-state';
import { zEmptyInput, zId, zPageInput, zPageOf } from './common';
import { zPeriodKey } from './ledgers';

const zDurations = z.object({ count: z.number(), medianMinutes: z.number().nullable(), p90Minutes: z.number().nullable() });

export const zFigures = z.object({
  submitted: z.number(),
  completed: z.number(),
  responseTime: zDurations,
  completionTime: zDurations,
  satisfaction: z.object({ rated: z.number(), averageStars: z.number().nullable(), satisfiedPercent: z.number().nullable() }),
  activeMembers: z.number(),
  pointsIssued: z.number(),
  pointsRedeemed: z.number(),
});
export type TFigures = z.infer<typeof zFigures>;

const zPeriodRef = z.object({ key: z.string(), label: z.string() });

export const zStatistics = z.object({
  scope: z.object({ kind: z.enum(['community', 'grid', 'district']), name: z.string() }),
  period: zPeriodRef,
  previousPeriod: zPeriodRef,
  current: zFigures,
  previous: zFigures,
  byCategory: z.array(z.object({ category: z.enum(REQUEST_CATEGORIES), count: z.number() })),
  byState: z.array(z.object({ state: z.enum(REQUEST_STATES), count: z.number() })),
  /** By grid for a community, by community for a district. */
  byArea: z.array(z.object({ id: z.string(), name: z.string(), count: z.number() })),
  /** Requests submitted per month over the six months ending with the period, and how many of them are done. */
  trend: z.array(z.object({ month: z.string(), submitted: z.number(), completed: z.number() })),
});
export type TStatistics = z.infer<typeof zStatistics>;

export const zStatisticsInput = z.strictObject({
  scope: z.enum(['community', 'grid', 'district'], { error: '请选择统计范围' }).default('community'),
  /** A district viewer may look at one community of the district. */
  communityId: zId.optional(),
  gridId: zId.optional(),
  period: zPeriodKey,
});
export type TStatisticsInput = z.infer<typeof zStatisticsInput>;

export const zEvaluationRow = z.object({
  rank: z.number(),
  memberId: z.string(),
  name: z.string(),
  gridName: z.string().nullable(),
  earned: z.number(),
  tasksCompleted: z.number(),
  ratings: z.number(),
  averageRating: z.number().nullable(),
  grade: z.enum(EVALUATION_GRADES).nullable(),
  note: z.string(),
});
export type TEvaluationRow = z.infer<typeof zEvaluationRow>;

export const zEvaluationList = z.object({ period: zPeriodRef, rows: z.array(zEvaluationRow) });

export const EXPORT_KINDS = ['demand', 'projects', 'statistics', 'evaluations', 'audit'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const zListEvaluationsInput = z.strictObject({ period: zPeriodKey });
export type TListEvaluationsInput = z.infer<typeof zListEvaluationsInput>;

export const zRecordEvaluationInput = z.strictObject({
  memberId: zId,
  period: zPeriodKey,
  grade: z.enum(EVALUATION_GRADES, { error: '请选择评价等次' }),
  note: z.string().trim().max(200, '评语最多 200 字').default(''),
});
export type TRecordEvaluationInput = z.infer<typeof zRecordEvaluationInput>;

export const zExportWorkbookInput = z.strictObject({
  kind: z.enum(EXPORT_KINDS, { error: '请选择导出内容' }),
  period: zPeriodKey,
  scope: z.enum(['community', 'grid', 'district']).default('community'),
  /** Statistics only: one grid, or (district viewers) another community of the district. */
  gridId: zId.optional(),
  communityId: zId.optional(),
});
export type TExportWorkbookInput = z.infer<typeof zExportWorkbookInput>;

/** One entry of 操作日志, as the admin and the district read it. */
export const zAuditLine = z.object({
  id: z.string(),
  at: z.string(),
  communityId: z.string(),
  actorName: z.string(),
  actorRoles: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  targetId: z.string().nullable(),
  detail: z.string(),
});
export type TAuditLine = z.infer<typeof zAuditLine>;

/** A district viewer may narrow it to one community of the district. */
export const zListAuditLogInput = zPageInput.extend({ communityId: zId.optional() });
export type TListAuditLogInput = z.infer<typeof zListAuditLogInput>;

const zExported = z.object({ url: z.string(), fileName: z.string(), rows: z.number(), expiresAt: z.string() });

export const reportsContract = {
  getStatistics: { input: zStatisticsInput, output: zStatistics },
  listEvaluations: { input: zListEvaluationsInput, output: zEvaluationList },
  recordEvaluation: { input: zRecordEvaluationInput, output: zEvaluationRow },
  getMyEvaluations: {
    input: zEmptyInput,
    output: z.object({ items: z.array(z.object({ period: zPeriodRef, grade: z.enum(EVALUATION_GRADES), note: z.string(), evaluatedAt: z.string() })) }),
  },
  /** 操作日志: every write by staff, newest first; nobody can change it. */
  listAuditLog: { input: zListAuditLogInput, output: zPageOf(zAuditLine) },
  exportWorkbook: { input: zExportWorkbookInput, output: zExported },
  /** 我的信息 as Excel: everything held about the caller (exceljs lives in this function only). */
  exportMyData: { input: zEmptyInput, output: zExported },
} as const;
