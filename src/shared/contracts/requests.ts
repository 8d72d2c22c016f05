import { z } from 'zod';
import { REQUEST_CATEGORIES, URGENCIES } from '../domain/categories';
import { REQUEST_STATES } from '../domain/request-state';
import { zSuggestionReply } from './ledgers';
import { zClientToken, zEmptyInput, zId, zLatLng, zPageInput, zPageOf, zPhotos, singleLine, paragraph } from './common';

const zRequestRef = z.strictObject({ requestId: zId });
export type TRequestRef = z.infer<typeof zRequestRef>;

export const zSubmitRequestInput = z.strictObject({
  /** Generated once per form by the client; a retried submit returns the first request. */
  clientToken: zClientToken,
  category: z.enum(REQUEST_CATEGORIES, { error: '请选择求助类型' }),
  description: paragraph(z
    .string({ error: '请描述需要帮什么忙' })
    .trim()
    .min(5, '请描述需要帮什么忙，至少 5 个字')
    .max(500, '描述不能超过 500 字')),
  address: singleLine(z.string({ error: '请填写地址' }).trim().min(2, '请填写地址').max(120, '地址不能超过 120 字')),
  contactPhone: z
    .string()
    .regex(/^1\d{10}$/, '请填写 11 位手机号')
    .optional(),
  location: zLatLng,
  urgency: z.enum(URGENCIES, { error: '请选择紧急程度' }).default('normal'),
  photos: zPhotos.default([]),
  /** For a wish (微心愿): the one skill it asks for, so members can filter the board. */
  neededSkill: z.string().trim().min(1, '请选择需要的技能').max(20, '技能名称太长').optional(),
});
export type TSubmitRequestInput = z.infer<typeof zSubmitRequestInput>;

export const zFileOnBehalfInput = zSubmitRequestInput
  .extend({
    residentId: zId.optional(),
    newResident: z
      .strictObject({
        name: singleLine(z.string({ error: '请填写居民称呼' }).trim().min(1, '请填写居民称呼').max(20, '称呼不能超过 20 字')),
        phone: z.string().regex(/^1\d{10}$/, '请填写 11 位手机号').optional(),
        buildingId: zId.optional(),
      })
      .optional(),
  })
  .refine((value) => Boolean(value.residentId) !== Boolean(value.newResident), { message: '请选择一位居民，或填写新居民的信息（二选一）', path: ['residentId'] });
export type TFileOnBehalfInput = z.infer<typeof zFileOnBehalfInput>;

export const zCandidateView = z.object({
  memberId: z.string(),
  name: z.string(),
  score: z.number(),
  distanceM: z.number(),
  reasons: z.string(),
  openTasks: z.number(),
  atCap: z.boolean(),
  alreadyOffered: z.boolean(),
});

const zWeights = z.object({
  householdLink: z.number(),
  sameGrid: z.number(),
  perKm: z.number(),
  skillMatch: z.number(),
  perOpenTask: z.number(),
  perRecentTask: z.number(),
  perRatingStar: z.number(),
});
export const zDispatchPolicy = z.object({
  radiusStepsM: z.array(z.number()),
  batchSize: z.number(),
  offerTimeoutMinutes: z.object({ normal: z.number(), urgent: z.number() }),
  openTaskCap: z.number(),
  weights: zWeights,
});
const zWeight = z.number().min(0, '权重不能为负').max(10_000, '权重太大');
export const zDispatchPolicyInput = z
  .strictObject({
    radiusStepsM: z.array(z.number().int().min(100, '半径至少 100 米').max(20_000, '半径最多 20 公里')).min(1, '至少一轮').max(5, '最多 5 轮'),
    batchSize: z.number().int().min(1, '每轮至少推送 1 人').max(30, '每轮最多推送 30 人'),
    offerTimeoutMinutes: z.strictObject({ normal: z.number().int().min(1).max(1440), urgent: z.number().int().min(1).max(1440) }),
    openTaskCap: z.number().int().min(1, '在办上限至少 1 件').max(20, '在办上限最多 20 件'),
    weights: z.strictObject({
      householdLink: zWeight,
      sameGrid: zWeight,
      perKm: zWeight,
      skillMatch: zWeight,
      perOpenTask: zWeight,
      perRecentTask: zWeight,
      perRatingStar: zWeight,
    }),
  })
  .refine((policy) => policy.radiusStepsM.every((radius, index, all) => index === 0 || radius > all[index - 1]), {
    message: '每一轮的半径要比上一轮大',
    path: ['radiusStepsM'],
  })
  .refine((policy) => policy.offerTimeoutMinutes.urgent <= policy.offerTimeoutMinutes.normal, {
    message: '紧急求助的等待时间不能比一般求助长',
    path: ['offerTimeoutMinutes', 'urgent'],
  });
export type TDispatchPolicyInput = z.infer<typeof zDispatchPolicyInput>;

export const zTimelineEntry = z.object({ at: z.string(), kind: z.string(), text: z.string() });

export const zContact = z.object({
  name: z.string(),
  phone: z.string(),
  address: z.string(),
  /** True when the viewer may not see the full contact yet (a member before accepting). */
  masked: z.boolean(),
});

export const zRequestView = z.object({
  id: z.string(),
  category: z.enum(REQUEST_CATEGORIES),
  description: z.string(),
  urgency: z.enum(URGENCIES),
  state: z.enum(REQUEST_STATES),
  contact: zContact,
  location: z.object({ lat: z.number(), lng: z.number() }),
  photoUrls: z.array(z.string()),
  createdAt: z.string(),
  assignee: z.object({ id: z.string(), name: z.string(), phone: z.string() }).nullable(),
  completionNote: z.string().nullable(),
  completionPhotoUrls: z.array(z.string()),
  rating: z.object({ stars: z.number(), comment: z.string() }).nullable(),
  /** Present when the viewer is a member holding or having held an offer for it. */
  offer: z
    .object({ status: z.enum(['pending', 'accepted', 'declined', 'expired', 'withdrawn']), expiresAt: z.string(), reasons: z.string() })
    .nullable(),
  distanceM: z.number().nullable(),
  pointsAwarded: z.number().nullable(),
  /** Set when staff filed it for the resident (代办登记). */
  filedByName: z.string().nullable(),
  /** Shown to staff: an open request nearby of the same kind that this one probably repeats. */
  duplicateOf: z.string().nullable(),
  /** What the viewer may do now; the server still re-checks every action. */
  actions: z.object({
    cancel: z.boolean(),
    rate: z.boolean(),
    reopen: z.boolean(),
    accept: z.boolean(),
    decline: z.boolean(),
    complete: z.boolean(),
    assign: z.boolean(),
    escalate: z.boolean(),
    recordEscalation: z.boolean(),
    /** Staff may release (通过) or reject (驳回) a request held for review. */
    review: z.boolean(),
  }),
});
export type TRequestView = z.infer<typeof zRequestView>;

export const zEscalationView = z.object({
  department: z.string(),
  meetingDate: z.string(),
  attendees: z.array(z.string()),
  decision: z.string(),
  answer: z.string().nullable(),
  outcome: z.string().nullable(),
  status: z.enum(['open', 'answered', 'resolved']),
});

export const zRequestDetail = zRequestView.extend({
  timeline: z.array(zTimelineEntry),
  escalation: zEscalationView.nullable(),
  /** The community's answer to a suggestion (意见建议). */
  suggestionReply: zSuggestionReply.nullable(),
  /** The livelihood project an escalation became. */
  projectId: z.string().nullable(),
});
export type TRequestDetail = z.infer<typeof zRequestDetail>;

export const zRequestPage = zPageOf(zRequestView);

/** A wish on the board as a member browsing it sees it: who and where stay masked until claimed. */
export const zWishView = z.object({
  id: z.string(),
  description: z.string(),
  neededSkill: z.string().nullable(),
  residentName: z.string(),
  address: z.string(),
  photoUrls: z.array(z.string()),
  distanceM: z.number(),
  createdAt: z.string(),
});
export type TWishView = z.infer<typeof zWishView>;

export const zListWishesInput = z.strictObject({
  skill: z.string().trim().max(20).optional(),
  maxDistanceM: z.number().int().min(100, '距离至少 100 米').max(20_000, '距离最多 20 公里').default(3000),
});
export type TListWishesInput = z.infer<typeof zListWishesInput>;

export const zCancelRequestInput = z.strictObject({ requestId: zId, reason: z.string().trim().max(100, '取消原因不能超过 100 字').default('') });
export type TCancelRequestInput = z.infer<typeof zCancelRequestInput>;

export const zRateRequestInput = z.strictObject({
  requestId: zId,
  stars: z.number({ error: '请选择 1 到 5 颗星' }).int('请选择 1 到 5 颗星').min(1, '请选择 1 到 5 颗星').max(5, '请选择 1 到 5 颗星'),
  comment: z.string().trim().max(200, '评价不能超过 200 字').default(''),
});
export type TRateRequestInput = z.infer<typeof zRateRequestInput>;

export const zListTasksInput = zPageInput.extend({ scope: z.enum(['open', 'done'], { error: '请选择任务范围' }) });
export type TListTasksInput = z.infer<typeof zListTasksInput>;

export const zFindSimilarRequestsInput = z.strictObject({ category: z.enum(REQUEST_CATEGORIES, { error: '请选择求助类型' }), location: zLatLng });
export type TFindSimilarRequestsInput = z.infer<typeof zFindSimilarRequestsInput>;

export const zReopenRequestInput = z.strictObject({ requestId: zId, reason: z.string({ error: '请说明哪里还没解决' }).trim().min(2, '请说明哪里还没解决').max(200, '说明不能超过 200 字') });
export type TReopenRequestInput = z.infer<typeof zReopenRequestInput>;

export const zListRequestsForStaffInput = zPageInput.extend({ scope: z.enum(['needs_manual', 'held', 'open', 'escalated', 'finished'], { error: '请选择范围' }) });
export type TListRequestsForStaffInput = z.infer<typeof zListRequestsForStaffInput>;

export const zRejectHeldRequestInput = z.strictObject({
  requestId: zId,
  reason: z.string({ error: '请填写驳回原因' }).trim().min(2, '请填写驳回原因，居民会看到').max(200, '驳回原因不能超过 200 字'),
});
export type TRejectHeldRequestInput = z.infer<typeof zRejectHeldRequestInput>;

export const zAssignRequestInput = z.strictObject({ requestId: zId, memberId: zId, note: z.string().trim().max(100, '备注不能超过 100 字').default('') });
export type TAssignRequestInput = z.infer<typeof zAssignRequestInput>;

export const zEscalateRequestInput = z.strictObject({
  requestId: zId,
  department: singleLine(z.string({ error: '请选择部门' }).trim().min(1, '请选择部门').max(30)),
  meetingDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '会议日期格式应为 2026-11-22'),
  attendees: z.array(singleLine(z.string().trim().min(1).max(30))).min(1, '请填写参会人员').max(30, '参会人员最多 30 位'),
  decision: z.string({ error: '请填写会议决定' }).trim().min(2, '请填写会议决定').max(500, '会议决定不能超过 500 字'),
  /** When the livelihood project should be done; 30 days after the meeting when left out. */
  targetDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '完成时限格式应为 2026-12-31').optional(),
});
export type TEscalateRequestInput = z.infer<typeof zEscalateRequestInput>;

export const zRecordEscalationInput = z.strictObject({
  requestId: zId,
  answer: z.string({ error: '请填写部门答复' }).trim().min(2, '请填写部门答复').max(500, '答复不能超过 500 字'),
  outcome: z.string().trim().max(500, '办理结果不能超过 500 字').default(''),
  resolved: z.boolean({ error: '请选择是否已解决' }),
});
export type TRecordEscalationInput = z.infer<typeof zRecordEscalationInput>;

export const zDeclineTaskInput = z.strictObject({ requestId: zId, reason: z.string().trim().max(100, '原因不能超过 100 字').default('') });
export type TDeclineTaskInput = z.infer<typeof zDeclineTaskInput>;

export const zCompleteTaskInput = z.strictObject({
  requestId: zId,
  note: z.string({ error: '请填写办理情况' }).trim().min(2, '请填写办理情况').max(500, '办理情况不能超过 500 字'),
  photos: zPhotos.default([]),
});
export type TCompleteTaskInput = z.infer<typeof zCompleteTaskInput>;

export const requestsContract = {
  listWishes: { input: zListWishesInput, output: z.object({ items: z.array(zWishView) }) },
  claimWish: { input: zRequestRef, output: zRequestDetail },
  submit: { input: zSubmitRequestInput, output: zRequestDetail },
  listMine: { input: zPageInput, output: zRequestPage },
  get: { input: zRequestRef, output: zRequestDetail },
  cancel: { input: zCancelRequestInput, output: zRequestDetail },
  rate: { input: zRateRequestInput, output: zRequestDetail },
  listOffers: { input: zEmptyInput, output: z.object({ items: z.array(zRequestView) }) },
  listTasks: { input: zListTasksInput, output: zRequestPage },
  accept: { input: zRequestRef, output: zRequestDetail },
  fileOnBehalf: { input: zFileOnBehalfInput, output: zRequestDetail },
  findSimilar: {
    input: zFindSimilarRequestsInput,
    /** Only that a similar request is open nearby, never whose or in what words (nothing for private categories). */
    output: z.object({ items: z.array(z.strictObject({ category: z.enum(REQUEST_CATEGORIES), distanceM: z.number(), minutesAgo: z.number() })) }),
  },
  reopen: { input: zReopenRequestInput, output: zRequestDetail },
  listForStaff: { input: zListRequestsForStaffInput, output: zRequestPage },
  /** A request the content check held: staff let it go (it is dispatched as a fresh submit would be)… */
  releaseHeld: { input: zRequestRef, output: zRequestDetail },
  /** …or turn it down with a reason the resident reads. */
  rejectHeld: { input: zRejectHeldRequestInput, output: zRequestDetail },
  listCandidates: { input: zRequestRef, output: z.object({ items: z.array(zCandidateView) }) },
  assign: { input: zAssignRequestInput, output: zRequestDetail },
  escalate: { input: zEscalateRequestInput, output: zRequestDetail },
  recordEscalation: { input: zRecordEscalationInput, output: zRequestDetail },
  getDispatchPolicy: { input: zEmptyInput, output: zDispatchPolicy },
  updateDispatchPolicy: { input: zDispatchPolicyInput, output: zDispatchPolicy },
  decline: { input: zDeclineTaskInput, output: z.object({ requestId: z.string(), declined: z.literal(true) }) },
  complete: { input: zCompleteTaskInput, output: z.object({ request: zRequestDetail, pointsAwarded: z.number(), balance: z.number() }) },
} as const;
