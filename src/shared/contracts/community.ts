import { z } from 'zod';
import { SCENE_KINDS } from '../domain/scene';
import { AVAILABLE_PERIODS, MEMBER_KINDS, SERVICE_POINT_KINDS, SHOP_KINDS } from '../domain/community-settings';
import { REVOCABLE_ROLES, ROLES } from '../domain/roles';
import { SUBSCRIBE_TEMPLATE_KEYS } from '../domain/subscribe-templates';
import { SCENE_MAX_LENGTH } from '../domain/scene';
import { zCheckDeletionInput, zConsentView, zDeleteAccountInput, zDeleteAccountResult, zDeletionCheck, zMyData, zRecordConsentInput, zWithdrawConsentInput } from './privacy';
import { zEmptyInput, zId, zLatLng, zPageInput, zPageOf, singleLine } from './common';

const zName = (label: string, max: number) =>
  singleLine(z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 字`));
const zPhone = z.string({ error: '请填写手机号' }).regex(/^1\d{10}$/, '请填写 11 位手机号');
const zKeyword = z.string().trim().max(20, '搜索词不能超过 20 字').optional();
const zTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 08:30');

export const zScene = z.string({ error: '缺少二维码内容' }).min(1, '缺少二维码内容').max(SCENE_MAX_LENGTH * 3, '二维码内容过长');

export const zMe = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  communityId: z.string(),
  communityName: z.string(),
  gridName: z.string().nullable(),
  phone: z.string(),
  address: z.string(),
  home: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  communityCenter: z.object({ lat: z.number(), lng: z.number() }),
  unreadCount: z.number(),
});
export type TMe = z.infer<typeof zMe>;

export const zInboxItem = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  requestId: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type TInboxItem = z.infer<typeof zInboxItem>;

const zNamed = z.object({ id: z.string(), name: z.string() });

export const zSceneInfo = z.object({
  kind: z.enum(SCENE_KINDS),
  community: zNamed,
  grid: zNamed.nullable(),
  buildings: z.array(zNamed.extend({ gridId: z.string().nullable() })),
  shop: zNamed.nullable(),
  servicePoint: zNamed.nullable(),
  activity: zNamed.nullable(),
  /** The caller already belongs to this community. */
  alreadyMember: z.boolean(),
});
export type TSceneInfo = z.infer<typeof zSceneInfo>;

export const zSettings = z.object({ skills: z.array(z.string()), posts: z.array(z.string()), departments: z.array(z.string()) });

export const zApplicationView = z.object({
  userId: z.string(),
  name: z.string(),
  phone: z.string(),
  kind: z.enum(MEMBER_KINDS),
  workUnit: z.string(),
  skills: z.array(z.string()),
  home: z.object({ lat: z.number(), lng: z.number() }),
  gridId: z.string().nullable(),
  gridName: z.string().nullable(),
  availableHours: z.array(z.enum(AVAILABLE_PERIODS)),
  posts: z.array(z.string()),
  status: z.enum(['pending', 'approved', 'rejected']),
  onLeave: z.boolean(),
  reviewNote: z.string().nullable(),
  appliedAt: z.string(),
  linkedHouseholds: z.number(),
});
export type TApplicationView = z.infer<typeof zApplicationView>;

export const zGridView = zNamed.extend({ workers: z.array(zNamed), buildingCount: z.number(), memberCount: z.number() });
export const zBuildingView = zNamed.extend({ gridId: z.string().nullable(), gridName: z.string().nullable(), householdCount: z.number() });
export const zHouseholdView = z.object({
  id: z.string(),
  address: z.string(),
  buildingId: z.string().nullable(),
  residentNames: z.array(z.string()),
  linkedMemberNames: z.array(z.string()),
});
export const zCentralHouseholdView = zNamed.extend({
  gridId: z.string().nullable(),
  householdId: z.string().nullable(),
  members: z.array(zNamed),
  warnings: z.array(z.string()),
});
export const zShopView = zNamed.extend({
  kind: z.enum(SHOP_KINDS),
  description: z.string(),
  inviteCode: z.string(),
  staff: z.array(zNamed),
});
export const zOpeningHours = z.strictObject({
  weekdays: z.array(z.number().int().min(1).max(7)).min(1, '请至少选择一天').max(7),
  open: zTime,
  close: zTime,
});
export const zServicePointView = zNamed.extend({
  kind: z.enum(SERVICE_POINT_KINDS),
  location: z.object({ lat: z.number(), lng: z.number() }),
  radiusM: z.number(),
  openingHours: z.object({ weekdays: z.array(z.number()), open: z.string(), close: z.string() }),
});
export const zResidentView = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string(),
  address: z.string(),
  gridName: z.string().nullable(),
  home: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  /** Duties held for the community (网格员, 店员) that an admin can hand back. */
  duties: z.array(z.enum(REVOCABLE_ROLES)),
});
export const zCommunitySummary = zNamed.extend({ grids: z.number(), members: z.number(), residents: z.number(), openRequests: z.number() });
export const zWarnings = z.object({ warnings: z.array(z.string()) });

export const zMarkInboxReadInput = z.strictObject({ ids: z.array(zId).min(1, '请选择消息').max(50, '一次最多 50 条') });
export type TMarkInboxReadInput = z.infer<typeof zMarkInboxReadInput>;

export const zGrantSubscriptionsInput = z.strictObject({
  templateKeys: z
    .array(z.enum(SUBSCRIBE_TEMPLATE_KEYS, { error: '不支持的订阅消息类型' }), { error: '请告知允许了哪些订阅消息' })
    .min(1, '请至少允许一种订阅消息')
    .max(SUBSCRIBE_TEMPLATE_KEYS.length, `一次最多 ${SUBSCRIBE_TEMPLATE_KEYS.length} 种订阅消息`)
    .refine((keys) => new Set(keys).size === keys.length, '订阅消息类型不能重复'),
});
export type TGrantSubscriptionsInput = z.infer<typeof zGrantSubscriptionsInput>;

export const zResolveSceneInput = z.strictObject({ scene: zScene });
export type TResolveSceneInput = z.infer<typeof zResolveSceneInput>;

export const zJoinCommunityInput = z.strictObject({
  scene: zScene,
  name: zName('称呼', 20),
  phone: zPhone,
  buildingId: zId.optional(),
  door: singleLine(z.string().trim().max(30, '门牌号不能超过 30 字')).optional(),
});
export type TJoinCommunityInput = z.infer<typeof zJoinCommunityInput>;

export const zApplyMemberInput = z.strictObject({
  kind: z.enum(MEMBER_KINDS, { error: '请选择党员或志愿者' }),
  workUnit: singleLine(z.string().trim().max(50, '工作单位不能超过 50 字')).default(''),
  skills: z.array(z.string().max(20)).min(1, '请至少选择一项特长').max(8, '最多选择 8 项特长'),
  home: zLatLng,
  gridId: zId,
  availableHours: z.array(z.enum(AVAILABLE_PERIODS)).min(1, '请至少选择一个可服务时段').max(4),
});
export type TApplyMemberInput = z.infer<typeof zApplyMemberInput>;

export const zSetOnLeaveInput = z.strictObject({ onLeave: z.boolean({ error: '请选择是否请假' }) });
export type TSetOnLeaveInput = z.infer<typeof zSetOnLeaveInput>;

export const zClaimPostInput = z.strictObject({ post: zName('岗位', 20), claim: z.boolean() });
export type TClaimPostInput = z.infer<typeof zClaimPostInput>;

export const zJoinShopInput = z.strictObject({ code: z.string().trim().regex(/^[A-Za-z0-9]{6,12}$/, '邀请码格式不正确') });
export type TJoinShopInput = z.infer<typeof zJoinShopInput>;

export const zListApplicationsInput = zPageInput.extend({ status: z.enum(['pending', 'approved', 'rejected']).default('pending') });
export type TListApplicationsInput = z.infer<typeof zListApplicationsInput>;

export const zReviewApplicationInput = z
  .strictObject({ userId: zId, decision: z.enum(['approve', 'reject'], { error: '请选择通过或不通过' }), reason: z.string().trim().max(200, '原因不能超过 200 字').default('') })
  .refine((value) => value.decision === 'approve' || value.reason.length > 0, { message: '不通过时请写明原因', path: ['reason'] });
export type TReviewApplicationInput = z.infer<typeof zReviewApplicationInput>;

export const zListMembersInput = zPageInput.extend({ keyword: zKeyword, gridId: zId.optional(), status: z.enum(['pending', 'approved', 'rejected']).default('approved') });
export type TListMembersInput = z.infer<typeof zListMembersInput>;

export const zListResidentsInput = zPageInput.extend({ keyword: zKeyword });
export type TListResidentsInput = z.infer<typeof zListResidentsInput>;

export const zCreateGridInput = z.strictObject({ name: zName('网格名称', 30) });
export type TCreateGridInput = z.infer<typeof zCreateGridInput>;

export const zAssignGridWorkerInput = z.strictObject({ userId: zId, gridId: zId });
export const zRevokeRoleInput = z.strictObject({ userId: zId, role: z.enum(REVOCABLE_ROLES, { error: '请选择要解除的身份' }) });
export type TAssignGridWorkerInput = z.infer<typeof zAssignGridWorkerInput>;

export const zListBuildingsInput = z.strictObject({ gridId: zId.optional() });
export type TListBuildingsInput = z.infer<typeof zListBuildingsInput>;

export const zCreateBuildingInput = z.strictObject({ name: zName('楼栋名称', 30), gridId: zId });
export type TCreateBuildingInput = z.infer<typeof zCreateBuildingInput>;

export const zListHouseholdsInput = zPageInput.extend({ buildingId: zId.optional(), keyword: zKeyword });
export type TListHouseholdsInput = z.infer<typeof zListHouseholdsInput>;

export const zCreateHouseholdInput = z.strictObject({ buildingId: zId, door: zName('门牌号', 30) });
export type TCreateHouseholdInput = z.infer<typeof zCreateHouseholdInput>;

export const zSaveCentralHouseholdInput = z.strictObject({
  id: zId.optional(),
  name: zName('中心户名称', 30),
  gridId: zId,
  householdId: zId.optional(),
  memberIds: z.array(zId).max(30, '一个中心户最多联系 30 名党员'),
});
export type TSaveCentralHouseholdInput = z.infer<typeof zSaveCentralHouseholdInput>;

export const zLinkHouseholdsInput = z.strictObject({ memberId: zId, householdIds: z.array(zId).max(60, '一名党员最多联系 60 户') });
export type TLinkHouseholdsInput = z.infer<typeof zLinkHouseholdsInput>;

export const zUpdateSettingsInput = z.strictObject({
  skills: z.array(zName('特长', 20)).min(1, '请至少保留一项特长').max(30),
  posts: z.array(zName('岗位', 20)).max(30),
  departments: z.array(zName('部门', 30)).max(50).optional(),
});
export type TUpdateSettingsInput = z.infer<typeof zUpdateSettingsInput>;

export const zCreateShopInput = z.strictObject({ name: zName('店铺名称', 30), kind: z.enum(SHOP_KINDS, { error: '请选择类型' }), description: z.string().trim().max(200).default('') });
export type TCreateShopInput = z.infer<typeof zCreateShopInput>;

export const zSaveServicePointInput = z.strictObject({
  id: zId.optional(),
  name: zName('服务点名称', 30),
  kind: z.enum(SERVICE_POINT_KINDS, { error: '请选择类型' }),
  location: zLatLng,
  radiusM: z.number({ error: '请填写打卡范围' }).int('打卡范围应为整数米').min(20, '打卡范围至少 20 米').max(2000, '打卡范围最多 2000 米'),
  openingHours: zOpeningHours,
});
export type TSaveServicePointInput = z.infer<typeof zSaveServicePointInput>;

export const zGetQrCodeInput = z.strictObject({ kind: z.enum(SCENE_KINDS), id: zId });
export type TGetQrCodeInput = z.infer<typeof zGetQrCodeInput>;

export const communityContract = {
  me: { input: zEmptyInput, output: zMe },
  /** 联系网格员: the resident's grid worker, or the community's admin when the grid has none. */
  getMyGridWorker: {
    input: zEmptyInput,
    output: z.object({ contact: z.object({ name: z.string(), phone: z.string(), role: z.enum(['grid_worker', 'admin']) }).nullable() }),
  },
  listInbox: { input: zPageInput, output: zPageOf(zInboxItem) },
  markInboxRead: { input: zMarkInboxReadInput, output: z.object({ updated: z.number() }) },
  /** The one-time subscribe-message authorisations the user just accepted in WeChat's prompt, by template key. */
  grantSubscriptions: { input: zGrantSubscriptionsInput, output: z.object({ granted: z.number() }) },
  resolveScene: { input: zResolveSceneInput, output: zSceneInfo },
  join: { input: zJoinCommunityInput, output: zMe },
  getSettings: { input: zEmptyInput, output: zSettings.extend({ grids: z.array(zNamed) }) },
  applyMember: { input: zApplyMemberInput, output: zApplicationView },
  getMyApplication: { input: zEmptyInput, output: z.object({ application: zApplicationView.nullable() }) },
  setOnLeave: { input: zSetOnLeaveInput, output: zApplicationView },
  claimPost: { input: zClaimPostInput, output: zApplicationView },
  joinShop: { input: zJoinShopInput, output: zShopView.omit({ inviteCode: true }) },
  listApplications: { input: zListApplicationsInput, output: zPageOf(zApplicationView) },
  reviewApplication: { input: zReviewApplicationInput, output: zApplicationView },
  listMembers: { input: zListMembersInput, output: zPageOf(zApplicationView) },
  listResidents: { input: zListResidentsInput, output: zPageOf(zResidentView) },
  listGrids: { input: zEmptyInput, output: z.object({ items: z.array(zGridView) }) },
  createGrid: { input: zCreateGridInput, output: zGridView },
  assignGridWorker: { input: zAssignGridWorkerInput, output: zGridView },
  listBuildings: { input: zListBuildingsInput, output: z.object({ items: z.array(zBuildingView) }) },
  createBuilding: { input: zCreateBuildingInput, output: zBuildingView },
  listHouseholds: { input: zListHouseholdsInput, output: zPageOf(zHouseholdView) },
  createHousehold: { input: zCreateHouseholdInput, output: zHouseholdView },
  listCentralHouseholds: { input: zPageInput, output: zPageOf(zCentralHouseholdView) },
  saveCentralHousehold: { input: zSaveCentralHouseholdInput, output: zCentralHouseholdView },
  linkHouseholds: { input: zLinkHouseholdsInput, output: zWarnings.extend({ memberId: z.string(), householdCount: z.number() }) },
  updateSettings: { input: zUpdateSettingsInput, output: zSettings },
  listShops: { input: zEmptyInput, output: z.object({ items: z.array(zShopView) }) },
  createShop: { input: zCreateShopInput, output: zShopView },
  listServicePoints: { input: zEmptyInput, output: z.object({ items: z.array(zServicePointView) }) },
  saveServicePoint: { input: zSaveServicePointInput, output: zServicePointView },
  getQrCode: { input: zGetQrCodeInput, output: z.object({ scene: z.string(), imageUrl: z.string(), pageUrl: z.string() }) },
  listCommunities: { input: zEmptyInput, output: z.object({ items: z.array(zCommunitySummary) }) },
  recordConsent: { input: zRecordConsentInput, output: z.object({ consent: zConsentView, recorded: z.boolean() }) },
  withdrawConsent: { input: zWithdrawConsentInput, output: z.object({ withdrawn: z.boolean() }) },
  getMyData: { input: zEmptyInput, output: zMyData },
  checkDeletion: { input: zCheckDeletionInput, output: zDeletionCheck },
  deleteAccount: { input: zDeleteAccountInput, output: zDeleteAccountResult },
  revokeRole: { input: zRevokeRoleInput, output: zResidentView },
} as const;
