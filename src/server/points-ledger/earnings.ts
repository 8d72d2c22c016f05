import { CATEGORY_LABELS, type RequestCategory, type Urgency } from '../../shared/domain/categories';
import { dutyPoints, pointsForCompletion, ratingBonusFor, type EarningRules } from '../../shared/domain/points-rules';
import type { Earning } from './earn-points';

/**
 * The ledger's idempotency keys, one builder per reason a posting or hold exists. A retry of the same
 * thing builds the same key, so it posts once; the seed generator writes history under the same keys.
 */
export const ledgerKeys = {
  taskCompleted: (requestId: string) => `request-complete:${requestId}`,
  ratingBonus: (requestId: string) => `rating-bonus:${requestId}`,
  duty: (dutyId: string) => `duty:${dutyId}`,
  activity: (activityId: string, memberId: string) => `activity:${activityId}:${memberId}`,
  orderHold: (orderId: string) => `order-hold:${orderId}`,
  holdConfirm: (holdId: string) => `hold-confirm:${holdId}`,
  redemption: (redemptionId: string) => `redemption:${redemptionId}`,
  refund: (redemptionId: string) => `refund:${redemptionId}`,
} as const;

interface EarnedRequest {
  id: string;
  communityId: string;
  category: RequestCategory;
  urgency: Urgency;
}

/** Points for completing a request under the community's rules (fixed on the request when it is completed). */
export function completionPoints(rules: EarningRules, request: Pick<EarnedRequest, 'category' | 'urgency'>): number {
  return pointsForCompletion(rules, request.category, request.urgency);
}

/** What a member earns for a completed request: the points fixed on it at completion. */
export function completionEarning(request: Pick<EarnedRequest, 'id' | 'communityId' | 'category'>, memberId: string, points: number): Earning {
  return {
    idempotencyKey: ledgerKeys.taskCompleted(request.id),
    communityId: request.communityId,
    memberId,
    kind: 'task_completed',
    amount: points,
    ref: request.id,
    memo: `完成求助：${CATEGORY_LABELS[request.category]}`,
  };
}

/** The bonus for a good rating, or null when these stars earn none. */
export function ratingBonusEarning(rules: EarningRules, request: Pick<EarnedRequest, 'id' | 'communityId'>, memberId: string, stars: number): Earning | null {
  const amount = ratingBonusFor(rules, stars);
  if (amount <= 0) return null;
  return { idempotencyKey: ledgerKeys.ratingBonus(request.id), communityId: request.communityId, memberId, kind: 'rating_bonus', amount, ref: request.id, memo: `居民好评（${stars} 星）` };
}

/** Duty points for whole hours worked at a service point, under the daily cap. */
export function dutyEarning(rules: EarningRules, duty: { id: string; communityId: string; memberId: string }, minutes: number, pointName: string): Earning {
  return {
    idempotencyKey: ledgerKeys.duty(duty.id),
    communityId: duty.communityId,
    memberId: duty.memberId,
    kind: 'duty',
    amount: dutyPoints(rules, minutes),
    ref: duty.id,
    memo: `${pointName}值守 ${Math.floor(minutes / 60)} 小时`,
    dailyCap: rules.dutyDailyCap,
  };
}

/** Activity points for one attendee, under the daily cap. */
export function activityEarning(rules: EarningRules, activity: { id: string; communityId: string; points: number; title: string }, memberId: string): Earning {
  return {
    idempotencyKey: ledgerKeys.activity(activity.id, memberId),
    communityId: activity.communityId,
    memberId,
    kind: 'activity',
    amount: activity.points,
    ref: activity.id,
    memo: `参加活动：${activity.title}`,
    dailyCap: rules.activityDailyCap,
  };
}
