import { chinaDayStart } from './china-time';

export const CATALOG_ITEM_KINDS = ['goods', 'service'] as const;
export type CatalogItemKind = (typeof CATALOG_ITEM_KINDS)[number];
export const CATALOG_ITEM_KIND_LABELS: Record<CatalogItemKind, string> = { goods: '商品', service: '服务' };

/** In-store redemptions are `completed` at once; online orders start `pending` until pickup. */
export const REDEMPTION_STATUSES = ['completed', 'refunded', 'pending', 'picked_up', 'cancelled', 'expired'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];
export const REDEMPTION_STATUS_LABELS: Record<RedemptionStatus, string> = {
  completed: '已兑换',
  refunded: '已退还',
  pending: '待取货',
  picked_up: '已取货',
  cancelled: '已取消',
  expired: '已过期',
};

/** Statuses whose items count against a member's monthly limit. */
export const COUNTED_STATUSES: readonly RedemptionStatus[] = ['completed', 'pending', 'picked_up'];

/** Staff may refund a settled redemption on the China calendar day it was settled. */
export function isRefundable(status: RedemptionStatus, settledAt: number | null, now: number): boolean {
  return (status === 'completed' || status === 'picked_up') && settledAt !== null && chinaDayStart(settledAt) === chinaDayStart(now);
}

export interface PricedLine {
  price: number;
  qty: number;
}

export function totalOf(lines: readonly PricedLine[]): number {
  return lines.reduce((sum, line) => sum + line.price * line.qty, 0);
}

/** How many more of an item a member may take this month; null when the item has no limit. */
export function remainingThisMonth(monthlyLimit: number | null, takenThisMonth: number): number | null {
  return monthlyLimit === null ? null : Math.max(0, monthlyLimit - takenThisMonth);
}
