import { z } from 'zod';
import { REQUEST_CATEGORIES } from '../domain/categories';
import { CATALOG_ITEM_KINDS, REDEMPTION_STATUSES } from '../domain/supermarket';
import { zClientToken, zEmptyInput, zId, zPageInput, zPageOf, zPhotos, singleLine } from './common';

export const zPostingView = z.object({
  id: z.string(),
  at: z.string(),
  /** Signed from the member's side: positive earned, negative spent. */
  amount: z.number(),
  memo: z.string(),
  kind: z.string(),
});
export type TPostingView = z.infer<typeof zPostingView>;

const zAccountSummary = z.object({ balance: z.number(), held: z.number(), available: z.number() });

const zPoints = (label: string) => z.number({ error: `${label}必须是数字` }).int(`${label}必须是整数`).min(0, `${label}不能小于 0`).max(100_000, `${label}太大`);

export const zEarningRules = z.strictObject({
  completion: z.strictObject(Object.fromEntries(REQUEST_CATEGORIES.map((category) => [category, zPoints('办结积分')])) as Record<(typeof REQUEST_CATEGORIES)[number], ReturnType<typeof zPoints>>),
  urgentBonus: zPoints('紧急加分'),
  ratingBonus: zPoints('好评加分'),
  ratingBonusMinStars: z.number().int().min(1, '好评星级在 1 到 5 之间').max(5, '好评星级在 1 到 5 之间'),
  dutyPointsPerHour: zPoints('值守每小时积分'),
  dutyDailyCap: zPoints('值守每日上限'),
  autoCheckoutMaxHours: z.number().int().min(0).max(12, '自动签退最多记 12 小时'),
  activityPoints: zPoints('活动积分'),
  activityDailyCap: zPoints('活动每日上限'),
  adjustmentLimit: z.number().int().min(1, '单次调整上限至少 1 分').max(100_000),
  orderPickupHours: z.number().int().min(1, '取货时限至少 1 小时').max(720, '取货时限最多 30 天'),
});
export type TEarningRules = z.infer<typeof zEarningRules>;

export const zOrderLine = z.strictObject({
  itemId: zId,
  qty: z.number({ error: '数量必须是数字' }).int('数量必须是整数').min(1, '数量至少为 1').max(99, '一次最多 99 件'),
});

const zLines = z
  .array(zOrderLine)
  .min(1, '请至少选择一件商品')
  .max(20, '一次最多 20 种商品')
  .refine((lines) => new Set(lines.map((line) => line.itemId)).size === lines.length, '同一商品请合并数量');

export const zCatalogItemView = z.object({
  id: z.string(),
  shopId: z.string(),
  shopName: z.string(),
  name: z.string(),
  kind: z.enum(CATALOG_ITEM_KINDS),
  description: z.string(),
  price: z.number(),
  /** Null: not counted (most services). */
  stock: z.number().nullable(),
  monthlyLimit: z.number().nullable(),
  /** How many more the member may take this month (null: no limit); only on the member's and the till's view. */
  remainingThisMonth: z.number().nullable(),
  photos: z.array(z.string()),
  photoUrls: z.array(z.string()),
  onShelf: z.boolean(),
});
export type TCatalogItemView = z.infer<typeof zCatalogItemView>;

export const zRedemptionView = z.object({
  id: z.string(),
  channel: z.enum(['in_store', 'order']),
  status: z.enum(REDEMPTION_STATUSES),
  shopId: z.string(),
  shopName: z.string(),
  /** Masked on the shop's side. */
  memberName: z.string(),
  lines: z.array(z.object({ itemId: z.string(), name: z.string(), price: z.number(), qty: z.number() })),
  total: z.number(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  /** The member's pickup code for a pending order (only on the member's own view). */
  pickupCode: z.string().nullable(),
  pickupQr: z.string().nullable(),
  refundable: z.boolean(),
});
export type TRedemptionView = z.infer<typeof zRedemptionView>;

export const zReceipt = z.object({ redemption: zRedemptionView, memberAvailable: z.number() });
export type TReceipt = z.infer<typeof zReceipt>;

const zShopRef = z.strictObject({ shopId: zId.optional() });
export type TShopRef = z.output<typeof zShopRef>;
const zShopView = z.object({ id: z.string(), name: z.string(), kind: z.string() });

export const zSaveItemInput = z.strictObject({
  shopId: zId.optional(),
  itemId: zId.optional(),
  name: singleLine(z.string().trim().min(1, '请填写名称').max(40, '名称最多 40 个字')),
  kind: z.enum(CATALOG_ITEM_KINDS, { error: '请选择商品或服务' }),
  description: z.string().trim().max(200, '说明最多 200 个字').default(''),
  price: z.number({ error: '请填写所需积分' }).int('积分必须是整数').min(1, '所需积分至少 1 分').max(100_000, '所需积分太大'),
  stock: z.number().int('库存必须是整数').min(0, '库存不能小于 0').max(1_000_000).nullable(),
  monthlyLimit: z.number().int('限兑数量必须是整数').min(1, '每月限兑至少 1 件').max(999).nullable(),
  photos: zPhotos.default([]),
  onShelf: z.boolean().default(true),
});
export type TSaveItemInput = z.output<typeof zSaveItemInput>;

export const zLedgerSummary = z.object({
  issued: z.number(),
  redeemed: z.number(),
  refunded: z.number(),
  outstanding: z.number(),
  held: z.number(),
  leaderboard: z.array(z.object({ memberId: z.string(), name: z.string(), earned: z.number() })),
});

export const zLedgerReport = z.object({
  checkedAt: z.string(),
  communities: z.number(),
  accounts: z.number(),
  postings: z.number(),
  problems: z.array(z.object({ communityId: z.string(), accountId: z.string().nullable(), message: z.string() })),
});
export type TLedgerReport = z.infer<typeof zLedgerReport>;

export const zPlaceOrderInput = z.strictObject({ clientToken: zClientToken, shopId: zId, lines: zLines });
export type TPlaceOrderInput = z.output<typeof zPlaceOrderInput>;

export const zCancelOrderInput = z.strictObject({ orderId: zId });
export type TCancelOrderInput = z.output<typeof zCancelOrderInput>;

export const zInspectRedeemCodeInput = z.strictObject({ code: z.string().trim().min(1, '请扫描兑换码').max(200, '兑换码格式不正确'), shopId: zId.optional() });
export type TInspectRedeemCodeInput = z.output<typeof zInspectRedeemCodeInput>;

export const zRedeemInStoreInput = z.strictObject({ clientToken: zClientToken, code: z.string().trim().min(1, '请扫描兑换码').max(200, '兑换码格式不正确'), shopId: zId.optional(), lines: zLines });
export type TRedeemInStoreInput = z.output<typeof zRedeemInStoreInput>;

export const zConfirmPickupInput = z.strictObject({ code: z.string().trim().min(1, '请扫描取货码').max(200, '取货码格式不正确'), shopId: zId.optional() });
export type TConfirmPickupInput = z.output<typeof zConfirmPickupInput>;

export const zRefundRedemptionInput = z.strictObject({ redemptionId: zId, reason: z.string().trim().min(2, '请填写退还原因').max(100, '原因最多 100 个字') });
export type TRefundRedemptionInput = z.output<typeof zRefundRedemptionInput>;

export const zGetMemberLedgerInput = zPageInput.extend({ memberId: zId });
export type TGetMemberLedgerInput = z.output<typeof zGetMemberLedgerInput>;

export const zGetPointsSummaryInput = z.strictObject({ period: z.enum(['month', 'all']).default('month') });
export type TGetPointsSummaryInput = z.output<typeof zGetPointsSummaryInput>;

export const zAdjustPointsInput = z.strictObject({
  clientToken: zClientToken,
  memberId: zId,
  amount: z.number({ error: '请填写调整的积分' }).int('积分必须是整数').refine((value) => value !== 0, '调整的积分不能为 0'),
  reason: z.string().trim().min(4, '请写明调整原因（至少 4 个字）').max(100, '原因最多 100 个字'),
});
export type TAdjustPointsInput = z.output<typeof zAdjustPointsInput>;

export const pointsContract = {
  getMine: { input: zPageInput, output: zAccountSummary.extend({ items: z.array(zPostingView), nextCursor: z.string().nullable() }) },
  getRules: { input: zEmptyInput, output: zEarningRules },
  issueCode: { input: zEmptyInput, output: z.object({ code: z.string(), qr: z.string(), expiresAt: z.string() }) },
  listCatalog: { input: zEmptyInput, output: z.object({ shops: z.array(zShopView.extend({ items: z.array(zCatalogItemView) })), available: z.number() }) },
  placeOrder: { input: zPlaceOrderInput, output: zReceipt },
  cancelOrder: { input: zCancelOrderInput, output: zRedemptionView },
  listMyOrders: { input: zPageInput, output: zPageOf(zRedemptionView) },

  inspectCode: { input: zInspectRedeemCodeInput, output: z.object({ memberName: z.string(), available: z.number(), shop: zShopView, items: z.array(zCatalogItemView) }) },
  redeem: { input: zRedeemInStoreInput, output: zReceipt },
  confirmPickup: { input: zConfirmPickupInput, output: zReceipt },
  listShopItems: { input: zShopRef, output: z.object({ shop: zShopView, items: z.array(zCatalogItemView) }) },
  saveItem: { input: zSaveItemInput, output: zCatalogItemView },
  listShopRedemptions: { input: zShopRef, output: z.object({ shop: zShopView, today: z.array(zRedemptionView), pendingOrders: z.array(zRedemptionView), todayTotal: z.number() }) },
  refund: { input: zRefundRedemptionInput, output: zReceipt },

  getMemberLedger: { input: zGetMemberLedgerInput, output: zAccountSummary.extend({ memberId: z.string(), name: z.string(), items: z.array(zPostingView), nextCursor: z.string().nullable() }) },
  getSummary: { input: zGetPointsSummaryInput, output: zLedgerSummary },
  adjust: { input: zAdjustPointsInput, output: zAccountSummary.extend({ postingId: z.string() }) },
  listAdjustments: {
    input: zPageInput,
    output: zPageOf(z.object({ id: z.string(), at: z.string(), memberId: z.string(), memberName: z.string(), amount: z.number(), reason: z.string(), actorName: z.string() })),
  },
  updateRules: { input: zEarningRules, output: zEarningRules },
  verifyLedger: { input: zEmptyInput, output: zLedgerReport },
} as const;
