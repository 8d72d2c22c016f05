import { z } from 'zod';
import { DELIBERATION_STATUSES } from '../domain/deliberation-rules';
import { zId, zPageInput, zPageOf, singleLine, paragraph } from './common';

const zInstant = (label: string) => z.iso.datetime({ offset: true, error: `${label}格式不正确` });
const zDeliberationRef = z.strictObject({ deliberationId: zId });
export type TDeliberationRef = z.output<typeof zDeliberationRef>;

export const zCreateDeliberationInput = z
  .strictObject({
    title: singleLine(z.string({ error: '请填写议题' }).trim().min(4, '议题至少 4 个字').max(40, '议题最多 40 个字')),
    proposal: paragraph(z.string({ error: '请填写方案' }).trim().min(10, '方案至少 10 个字').max(1000, '方案最多 1000 字')),
    /** Buildings whose residents vote; leave empty for the whole community. */
    buildingIds: z.array(zId).max(50, '最多选择 50 栋楼').default([]),
    options: z.array(singleLine(z.string().trim().min(1, '选项不能为空').max(20, '选项最多 20 个字'))).min(2, '至少 2 个选项').max(6, '最多 6 个选项').optional(),
    voteStartsAt: zInstant('投票开始时间'),
    voteEndsAt: zInstant('投票截止时间'),
    quorumPercent: z.number({ error: '请填写参与率要求' }).int('参与率必须是整数').min(1, '参与率至少 1%').max(100, '参与率最多 100%').default(50),
  })
  .refine((input) => Date.parse(input.voteEndsAt) > Date.parse(input.voteStartsAt), { message: '投票截止时间要晚于开始时间', path: ['voteEndsAt'] })
  .refine((input) => !input.options || new Set(input.options).size === input.options.length, { message: '选项不能重复', path: ['options'] });
export type TCreateDeliberationInput = z.output<typeof zCreateDeliberationInput>;

export const zDeliberationView = z.object({
  id: z.string(),
  title: z.string(),
  proposal: z.string(),
  scope: z.string(),
  options: z.array(z.string()),
  voteStartsAt: z.string(),
  voteEndsAt: z.string(),
  quorumPercent: z.number(),
  status: z.enum(DELIBERATION_STATUSES),
  /** 0–4: 制定方案, 发布公告, 组织协商, 结果运用, 反馈公示. */
  step: z.number(),
  phase: z.enum(['not_started', 'open', 'closed']),
  eligibleCount: z.number().nullable(),
  votesCast: z.number(),
  myVote: z.number().nullable(),
  canVote: z.boolean(),
  /** Counts per option: shown once voting has closed, so nobody votes with the crowd. */
  tally: z.object({ counts: z.array(z.number()), votes: z.number(), eligible: z.number(), quorum: z.number(), quorumMet: z.boolean(), leading: z.number().nullable() }).nullable(),
  decision: z.string().nullable(),
  actions: z.string().nullable(),
  projectId: z.string().nullable(),
  comments: z.array(z.object({ name: z.string(), text: z.string(), at: z.string() })),
});
export type TDeliberationView = z.infer<typeof zDeliberationView>;

export const zVoteDeliberationInput = z.strictObject({ deliberationId: zId, option: z.number({ error: '请选择一个选项' }).int().min(0).max(5) });
export type TVoteDeliberationInput = z.output<typeof zVoteDeliberationInput>;

export const zCommentDeliberationInput = z.strictObject({ deliberationId: zId, text: z.string({ error: '请填写意见' }).trim().min(2, '意见至少 2 个字').max(300, '意见最多 300 字') });
export type TCommentDeliberationInput = z.output<typeof zCommentDeliberationInput>;

export const zDecideDeliberationInput = z.strictObject({
  deliberationId: zId,
  decision: z.string({ error: '请填写协商结果' }).trim().min(4, '协商结果至少 4 个字').max(500, '协商结果最多 500 字'),
  actions: z.string({ error: '请填写落实措施' }).trim().min(4, '落实措施至少 4 个字').max(500, '落实措施最多 500 字'),
  /** Turn the decision into a livelihood project (民生实事). */
  project: z
    .strictObject({
      ownerDepartment: singleLine(z.string().trim().min(2, '请填写责任单位').max(30)),
      targetDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '完成时限格式应为 2026-12-31'),
    })
    .optional(),
});
export type TDecideDeliberationInput = z.output<typeof zDecideDeliberationInput>;

export const deliberationsContract = {
  createDraft: { input: zCreateDeliberationInput, output: zDeliberationView },
  publish: { input: zDeliberationRef, output: zDeliberationView },
  list: { input: zPageInput, output: zPageOf(zDeliberationView) },
  get: { input: zDeliberationRef, output: zDeliberationView },
  vote: { input: zVoteDeliberationInput, output: zDeliberationView },
  comment: { input: zCommentDeliberationInput, output: zDeliberationView },
  decide: { input: zDecideDeliberationInput, output: zDeliberationView },
  announce: { input: zDeliberationRef, output: zDeliberationView },
} as const;
