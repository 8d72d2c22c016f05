import { z } from 'zod';
import { ATTENDANCE_MARKS, SIGNUP_STATUSES } from '../domain/service-rules';
import { zEmptyInput, zId, zLatLng, singleLine } from './common';

export const zDutyView = z.object({
  id: z.string(),
  servicePointId: z.string(),
  servicePointName: z.string(),
  checkInAt: z.string(),
  status: z.enum(['open', 'closed']),
  checkOutAt: z.string().nullable(),
  closedBy: z.enum(['member', 'auto']).nullable(),
  minutes: z.number().nullable(),
  points: z.number().nullable(),
});
export type TDutyView = z.infer<typeof zDutyView>;

const zMySignup = z.object({
  status: z.enum(SIGNUP_STATUSES),
  checkInAt: z.string().nullable(),
  checkOutAt: z.string().nullable(),
  attendance: z.enum(ATTENDANCE_MARKS).nullable(),
  points: z.number().nullable(),
});

export const zActivityView = z.object({
  id: z.string(),
  title: z.string(),
  place: z.string(),
  location: zLatLng,
  radiusM: z.number(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number(),
  signedUp: z.number(),
  points: z.number(),
  skills: z.array(z.string()),
  status: z.enum(['open', 'completed']),
  mySignup: zMySignup.nullable(),
});
export type TActivityView = z.infer<typeof zActivityView>;

export const zRosterEntry = zMySignup.extend({ memberId: z.string(), name: z.string(), phone: z.string() });
const zRoster = z.object({ activity: zActivityView, entries: z.array(zRosterEntry) });
export type TRoster = z.infer<typeof zRoster>;

/** An instant with its UTC offset, as the app sends it: 2026-11-28T09:00:00+08:00. */
const zInstant = (label: string) => z.iso.datetime({ offset: true, error: `${label}格式不正确` });

const zActivityRef = z.strictObject({ activityId: zId });
export type TActivityRef = z.output<typeof zActivityRef>;
const zActivityAt = z.strictObject({ activityId: zId, location: zLatLng });
export type TActivityAt = z.output<typeof zActivityAt>;

export const zCreateActivityInput = z
  .strictObject({
    title: singleLine(z.string().trim().min(2, '活动名称至少 2 个字').max(40, '活动名称最多 40 个字')),
    place: singleLine(z.string().trim().min(2, '请填写活动地点').max(60, '活动地点最多 60 个字')),
    location: zLatLng,
    radiusM: z.number().int().min(20, '签到范围至少 20 米').max(2000, '签到范围最多 2000 米').default(150),
    startsAt: zInstant('开始时间'),
    endsAt: zInstant('结束时间'),
    capacity: z.number({ error: '请填写人数上限' }).int('人数必须是整数').min(1, '人数上限至少 1 人').max(1000, '人数上限最多 1000 人'),
    points: z.number({ error: '请填写活动积分' }).int('积分必须是整数').min(0, '积分不能小于 0').max(1000, '活动积分最多 1000 分'),
    skills: z.array(z.string().max(20)).max(10, '最多选择 10 项技能').default([]),
  })
  .refine((input) => Date.parse(input.endsAt) > Date.parse(input.startsAt), { message: '结束时间要晚于开始时间', path: ['endsAt'] });
export type TCreateActivityInput = z.output<typeof zCreateActivityInput>;

export const zCheckInDutyInput = z.strictObject({ servicePointId: zId, location: zLatLng });
export type TCheckInDutyInput = z.output<typeof zCheckInDutyInput>;

export const zCheckOutDutyInput = z.strictObject({ location: zLatLng });
export type TCheckOutDutyInput = z.output<typeof zCheckOutDutyInput>;

export const zListActivitiesInput = z.strictObject({ scope: z.enum(['upcoming', 'past']).default('upcoming') });
export type TListActivitiesInput = z.output<typeof zListActivitiesInput>;

export const zMarkActivityLeaveInput = z.strictObject({ activityId: zId, memberId: zId });
export type TMarkActivityLeaveInput = z.output<typeof zMarkActivityLeaveInput>;

export const serviceContract = {
  checkIn: { input: zCheckInDutyInput, output: zDutyView },
  checkOut: { input: zCheckOutDutyInput, output: zDutyView },
  getMyRecord: {
    input: zEmptyInput,
    output: z.object({
      openDuty: zDutyView.nullable(),
      dutyMinutesThisMonth: z.number(),
      dutyMinutesTotal: z.number(),
      duties: z.array(zDutyView),
      activities: z.array(zActivityView),
    }),
  },
  listOnDuty: {
    input: zEmptyInput,
    output: z.object({ points: z.array(z.object({ id: z.string(), name: z.string(), onDuty: z.array(z.object({ memberId: z.string(), name: z.string(), since: z.string() })) })) }),
  },
  createActivity: { input: zCreateActivityInput, output: zActivityView },
  listActivities: { input: zListActivitiesInput, output: z.object({ items: z.array(zActivityView) }) },
  getActivity: { input: zActivityRef, output: zActivityView },
  signUp: { input: zActivityRef, output: zActivityView },
  cancelSignUp: { input: zActivityRef, output: zActivityView },
  checkInActivity: { input: zActivityAt, output: zActivityView },
  checkOutActivity: { input: zActivityAt, output: zActivityView },
  getRoster: { input: zActivityRef, output: zRoster },
  markLeave: { input: zMarkActivityLeaveInput, output: zRoster },
  completeActivity: { input: zActivityRef, output: zRoster },
} as const;
