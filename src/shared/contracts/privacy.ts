import { z } from 'zod';
import { CONSENT_KINDS, PRIVACY_POLICY_VERSION, WITHDRAWABLE_CONSENTS } from '../domain/privacy';
import { zId } from './common';

// 我的信息, consents and 注销: what the product holds about a person, and their say over it.

const zConsentKind = z.enum(CONSENT_KINDS, { error: '请选择授权的类别' });

export const zRecordConsentInput = z.strictObject({
  kind: zConsentKind,
  /** The guide the person was shown; an outdated app is told to reload rather than record a stale consent. */
  policyVersion: z.literal(PRIVACY_POLICY_VERSION, { error: '隐私保护指引已更新，请重新打开小程序' }),
});

export const zWithdrawConsentInput = z.strictObject({ kind: z.enum(WITHDRAWABLE_CONSENTS, { error: '手机号用于党员上门联系您，不想再留请注销账户' }) });

export const zConsentView = z.object({
  kind: zConsentKind,
  label: z.string(),
  purpose: z.string(),
  policyVersion: z.string(),
  grantedAt: z.string(),
  withdrawnAt: z.string().nullable(),
});
export type TConsentView = z.infer<typeof zConsentView>;

const zLine = z.object({ at: z.string(), text: z.string() });

export const zMyData = z.object({
  profile: z.object({
    name: z.string(),
    phone: z.string(),
    address: z.string(),
    communityName: z.string(),
    gridName: z.string().nullable(),
    roles: z.array(z.string()),
    joinedAt: z.string(),
  }),
  /** The household the person is registered in, and the party members who look after it. */
  household: z.object({ address: z.string(), linkedMembers: z.array(z.string()) }).nullable(),
  registration: z
    .object({ kind: z.string(), status: z.string(), workUnit: z.string(), skills: z.array(z.string()), availableHours: z.array(z.string()), posts: z.array(z.string()), appliedAt: z.string() })
    .nullable(),
  requests: z.object({ total: z.number(), recent: z.array(z.object({ id: z.string(), at: z.string(), category: z.string(), state: z.string(), description: z.string() })) }),
  tasks: z.object({ total: z.number(), recent: z.array(zLine) }),
  points: z.object({ balance: z.number(), held: z.number(), postings: z.number(), recent: z.array(zLine.extend({ amount: z.number() })) }).nullable(),
  service: z.object({ dutyMinutes: z.number(), duties: z.number(), activities: z.number(), recent: z.array(zLine) }).nullable(),
  orders: z.object({ total: z.number(), recent: z.array(zLine) }),
  consents: z.array(zConsentView),
  /** How many of each list are shown here; the export has all of them. */
  recentLimit: z.number(),
});
export type TMyData = z.infer<typeof zMyData>;

export const zDeletionCheck = z.object({
  name: z.string(),
  /** Why it cannot be done yet, each with what to do; empty when it can. */
  refusals: z.array(z.string()),
  /** Points on the account that lapse with it. */
  pointsToForfeit: z.number(),
  /** What goes and what the community's ledgers keep, in plain words, for the confirmation. */
  erased: z.array(z.string()),
  kept: z.array(z.string()),
});
export type TDeletionCheck = z.infer<typeof zDeletionCheck>;

const zDeletionTarget = z.strictObject({
  /** Left out: the caller's own account. An admin names a resident of their community. */
  userId: zId.optional(),
});

export const zCheckDeletionInput = zDeletionTarget;
export const zDeleteAccountInput = zDeletionTarget.extend({
  confirm: z.literal('注销', { error: '请输入“注销”两个字确认' }),
});

export const zDeleteAccountResult = z.object({ deleted: z.literal(true), pointsForfeited: z.number(), photosRemoved: z.number() });
