import { z } from 'zod';
import { REQUEST_CATEGORIES, URGENCIES } from '../domain/categories';
import { REQUEST_STATES } from '../domain/request-state';
import { zEmptyInput, zId, zLatLng, zPageInput, zPageOf, zPhotos } from './common';

const zRequestRef = z.strictObject({ requestId: zId });

export const zSubmitRequestInput = z.strictObject({
  /** Generated once per form by the client; a retried submit returns the first request. */
  clientToken: z.string().min(8, '提交凭证无效').max(64, '提交凭证无效').regex(/^[A-Za-z0-9_-]+$/, '提交凭证无效'),
  category: z.enum(REQUEST_CATEGORIES, { error: '请选择求助类型' }),
  description: z
    .string({ error: '请描述需要帮什么忙' })
    .trim()
    .min(5, '请描述需要帮什么忙，至少 5 个字')
    .max(500, '描述不能超过 500 字'),
  address: z.string({ error: '请填写地址' }).trim().min(2, '请填写地址').max(120, '地址不能超过 120 字'),
  contactPhone: z
    .string()
    .regex(/^1\d{10}$/, '请填写 11 位手机号')
    .optional(),
  location: zLatLng,
  urgency: z.enum(URGENCIES, { error: '请选择紧急程度' }).default('normal'),
  photos: zPhotos.default([]),
});
export type TSubmitRequestInput = z.infer<typeof zSubmitRequestInput>;

export const zFileOnBehalfInput = zSubmitRequestInput
  .extend({
    residentId: zId.optional(),
    newResident: z
      .strictObject({
        name: z.string({ error: '请填写居民称呼' }).trim().min(1, '请填写居民称呼').max(20, '称呼不能超过 20 字'),
        phone: z.string().regex(/^1\d{10}$/, '请填写 11 位手机号').optional(),
        buildingId: zId.optional(),
      })
      .optional(),
  })
  .refine((value) => Boolean(value.residentId) !== Boolean(value.newResident), { message: '请选择一位居民，或填写新居民的信息（二选一）', path: ['residentId'] });
export type TFileOnBehalfInput = z.infer<typeof zFileOnBehalfInput>;

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
  /** What the viewer may do now; the server still re-checks every action. */
  actions: z.object({ cancel: z.boolean(), rate: z.boolean(), accept: z.boolean(), decline: z.boolean(), complete: z.boolean() }),
});
export type TRequestView = z.infer<typeof zRequestView>;

export const zRequestDetail = zRequestView.extend({ timeline: z.array(zTimelineEntry) });
export type TRequestDetail = z.infer<typeof zRequestDetail>;

export const zRequestPage = zPageOf(zRequestView);

export const requestsContract = {
  submit: { input: zSubmitRequestInput, output: zRequestDetail },
  listMine: { input: zPageInput, output: zRequestPage },
  get: { input: zRequestRef, output: zRequestDetail },
  cancel: {
    input: z.strictObject({ requestId: zId, reason: z.string().trim().max(100, '取消原因不能超过 100 字').default('') }),
    output: zRequestDetail,
  },
  rate: {
    input: z.strictObject({
      requestId: zId,
      stars: z.number({ error: '请选择 1 到 5 颗星' }).int('请选择 1 到 5 颗星').min(1, '请选择 1 到 5 颗星').max(5, '请选择 1 到 5 颗星'),
      comment: z.string().trim().max(200, '评价不能超过 200 字').default(''),
    }),
    output: zRequestDetail,
  },
  listOffers: { input: zEmptyInput, output: z.object({ items: z.array(zRequestView) }) },
  listTasks: {
    input: zPageInput.extend({ scope: z.enum(['open', 'done'], { error: '请选择任务范围' }) }),
    output: zRequestPage,
  },
  accept: { input: zRequestRef, output: zRequestDetail },
  fileOnBehalf: { input: zFileOnBehalfInput, output: zRequestDetail },
  decline: {
    input: z.strictObject({ requestId: zId, reason: z.string().trim().max(100, '原因不能超过 100 字').default('') }),
    output: z.object({ requestId: z.string(), declined: z.literal(true) }),
  },
  complete: {
    input: z.strictObject({
      requestId: zId,
      note: z.string({ error: '请填写办理情况' }).trim().min(2, '请填写办理情况').max(500, '办理情况不能超过 500 字'),
      photos: zPhotos.default([]),
    }),
    output: z.object({ request: zRequestDetail, pointsAwarded: z.number(), balance: z.number() }),
  },
} as const;
