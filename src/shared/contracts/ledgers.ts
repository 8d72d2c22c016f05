import { z } from 'zod';
import { REQUEST_CATEGORIES } from '../domain/categories';
import { PERIOD_PATTERN } from '../domain/periods';
import { PROJECT_SOURCES, PROJECT_STATUSES } from '../domain/project-rules';
import { REQUEST_STATES } from '../domain/request-state';
import { zEmptyInput, zId, zPageInput, zPageOf, singleLine, paragraph } from './common';

export const zPeriodKey = z.string({ error: '请选择统计周期' }).regex(PERIOD_PATTERN, '周期格式应为 2026-11（月）或 2026-Q4（季度）');
const zDate = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, `${label}格式应为 2026-12-31`)
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00+08:00`)), `${label}不是有效日期`);

export const zSuggestionReply = z.object({ adopted: z.boolean(), reply: z.string(), repliedAt: z.string(), repliedByName: z.string() });
export type TSuggestionReply = z.infer<typeof zSuggestionReply>;

/** One line of 民意民盼台账. */
export const zDemandLine = z.object({
  requestId: z.string(),
  createdAt: z.string(),
  category: z.enum(REQUEST_CATEGORIES),
  description: z.string(),
  gridName: z.string().nullable(),
  residentName: z.string(),
  state: z.enum(REQUEST_STATES),
  assigneeName: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  ratingStars: z.number().nullable(),
  suggestionReply: zSuggestionReply.nullable(),
});
export type TDemandLine = z.infer<typeof zDemandLine>;

export const zDemandFilter = z.strictObject({
  category: z.enum(REQUEST_CATEGORIES, { error: '类型不正确' }).optional(),
  state: z.enum(REQUEST_STATES, { error: '状态不正确' }).optional(),
  gridId: zId.optional(),
  period: zPeriodKey.optional(),
});
export type TDemandFilter = z.infer<typeof zDemandFilter>;

const zMilestoneInput = z.strictObject({
  title: singleLine(z.string({ error: '请填写节点名称' }).trim().min(2, '节点名称至少 2 个字').max(40, '节点名称最多 40 个字')),
  dueDate: zDate('节点日期'),
});

export const zCreateProjectInput = z.strictObject({
  title: singleLine(z.string({ error: '请填写项目名称' }).trim().min(4, '项目名称至少 4 个字').max(40, '项目名称最多 40 个字')),
  description: paragraph(z.string({ error: '请填写项目内容' }).trim().min(5, '项目内容至少 5 个字').max(500, '项目内容最多 500 字')),
  ownerDepartment: singleLine(z.string({ error: '请填写责任单位' }).trim().min(2, '请填写责任单位').max(30, '责任单位最多 30 个字')),
  /** The staff member who enters monthly progress; the admin creating it when left out. */
  ownerId: zId.optional(),
  targetDate: zDate('完成时限'),
  milestones: z.array(zMilestoneInput).min(1, '至少填写 1 个推进节点').max(12, '推进节点最多 12 个'),
});
export type TCreateProjectInput = z.infer<typeof zCreateProjectInput>;

export const zProjectView = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  ownerDepartment: z.string(),
  ownerName: z.string(),
  ownerId: z.string(),
  targetDate: z.string(),
  source: z.enum(PROJECT_SOURCES),
  requestId: z.string().nullable(),
  milestones: z.array(z.object({ title: z.string(), dueDate: z.string(), doneAt: z.string().nullable() })),
  status: z.enum(PROJECT_STATUSES),
  supportCount: z.number(),
  supportedByMe: z.boolean(),
  createdAt: z.string(),
  writtenOffAt: z.string().nullable(),
  writeOffNote: z.string().nullable(),
  latestProgress: z.object({ month: z.string(), text: z.string(), percent: z.number() }).nullable(),
  lateMonths: z.array(z.string()),
  dueSoon: z.boolean(),
  /** What residents see, once published; null while it is for staff only. */
  publication: z.object({ title: z.string(), summary: z.string(), publishedAt: z.string() }).nullable(),
  /** Staff: whether it may be published at all (never for a private matter such as a mediation). */
  publishable: z.boolean(),
});
export type TProjectView = z.infer<typeof zProjectView>;

export const zProjectDetail = zProjectView.extend({
  progress: z.array(z.object({ month: z.string(), text: z.string(), percent: z.number(), authorName: z.string(), at: z.string() })),
});
export type TProjectDetail = z.infer<typeof zProjectDetail>;

const zProjectRef = z.strictObject({ projectId: zId });
export type TProjectRef = z.infer<typeof zProjectRef>;

export const zListDemandInput = zDemandFilter.extend(zPageInput.shape);
export type TListDemandInput = z.infer<typeof zListDemandInput>;

export const zReplySuggestionInput = z.strictObject({
  requestId: zId,
  adopted: z.boolean({ error: '请选择是否采纳' }),
  reply: z.string({ error: '请填写答复' }).trim().min(5, '答复至少 5 个字').max(300, '答复最多 300 字'),
});
export type TReplySuggestionInput = z.infer<typeof zReplySuggestionInput>;

export const zPublishProjectInput = z.strictObject({
  projectId: zId,
  title: singleLine(z.string({ error: '请填写公开标题' }).trim().min(4, '公开标题至少 4 个字').max(40, '公开标题最多 40 个字')),
  summary: paragraph(z.string({ error: '请填写公开说明' }).trim().min(10, '公开说明至少 10 个字').max(300, '公开说明最多 300 字')),
});
export type TPublishProjectInput = z.infer<typeof zPublishProjectInput>;

export const zListProjectsInput = z.strictObject({ status: z.enum(PROJECT_STATUSES).optional() }).extend(zPageInput.shape);
export type TListProjectsInput = z.infer<typeof zListProjectsInput>;

export const zAddProjectProgressInput = z.strictObject({
  projectId: zId,
  text: z.string({ error: '请填写本月进展' }).trim().min(5, '本月进展至少 5 个字').max(300, '本月进展最多 300 字'),
  percent: z.number({ error: '请填写完成百分比' }).int('百分比必须是整数').min(0, '百分比不能小于 0').max(100, '百分比不能大于 100'),
});
export type TAddProjectProgressInput = z.infer<typeof zAddProjectProgressInput>;

export const zCompleteMilestoneInput = z.strictObject({ projectId: zId, index: z.number().int().min(0).max(11) });
export type TCompleteMilestoneInput = z.infer<typeof zCompleteMilestoneInput>;

export const zWriteOffProjectInput = z.strictObject({ projectId: zId, note: z.string({ error: '请填写销账说明' }).trim().min(5, '销账说明至少 5 个字').max(300, '销账说明最多 300 字') });
export type TWriteOffProjectInput = z.infer<typeof zWriteOffProjectInput>;

export const ledgersContract = {
  listDemand: { input: zListDemandInput, output: zPageOf(zDemandLine) },
  replySuggestion: { input: zReplySuggestionInput, output: zDemandLine },
  createProject: { input: zCreateProjectInput, output: zProjectDetail },
  listProjects: { input: zListProjectsInput, output: zPageOf(zProjectView) },
  getProject: { input: zProjectRef, output: zProjectDetail },
  addProgress: { input: zAddProjectProgressInput, output: zProjectDetail },
  completeMilestone: { input: zCompleteMilestoneInput, output: zProjectDetail },
  writeOffProject: { input: zWriteOffProjectInput, output: zProjectDetail },
  /** Puts a staff-only project on residents' list (晒清单), in words written for them; again to correct them. */
  publishProject: { input: zPublishProjectInput, output: zProjectDetail },
  listPublished: { input: zPageInput, output: zPageOf(zProjectView) },
  supportProject: { input: zProjectRef, output: zProjectView },
  listOwners: { input: zEmptyInput, output: z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }) },
} as const;
