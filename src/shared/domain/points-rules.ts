import { CATEGORY_BEHAVIOUR, type RequestCategory, type Urgency } from './categories';

/** How members and volunteers earn points in one community; admins change them, defaults below. */
export interface EarningRules {
  /** Points for completing a request, by category. */
  completion: Record<RequestCategory, number>;
  /** Added to the completion points when the request was urgent. */
  urgentBonus: number;
  /** Added when the resident rates the service at least `ratingBonusMinStars`. */
  ratingBonus: number;
  ratingBonusMinStars: number;
  /** Duty at a service point: points per full hour, and at most this many points a day. */
  dutyPointsPerHour: number;
  dutyDailyCap: number;
  /** A duty nobody checked out of is closed at closing time and credited at most this many hours. */
  autoCheckoutMaxHours: number;
  /** Activity participation: default points per activity, and at most this many points a day. */
  activityPoints: number;
  activityDailyCap: number;
  /** One admin adjustment may move at most this many points either way. */
  adjustmentLimit: number;
  /** An online order not picked up within this many hours is cancelled and its points released. */
  orderPickupHours: number;
}

export const DEFAULT_EARNING_RULES: EarningRules = {
  completion: { repair: 10, errand: 8, policy: 5, mediation: 15, care_visit: 10, wish: 8, suggestion: 3 },
  urgentBonus: 5,
  ratingBonus: 3,
  ratingBonusMinStars: 5,
  dutyPointsPerHour: 2,
  dutyDailyCap: 16,
  autoCheckoutMaxHours: 2,
  activityPoints: 5,
  activityDailyCap: 30,
  adjustmentLimit: 500,
  orderPickupHours: 72,
};

export function resolveEarningRules(stored: Partial<EarningRules> | null | undefined): EarningRules {
  return { ...DEFAULT_EARNING_RULES, ...stored, completion: { ...DEFAULT_EARNING_RULES.completion, ...stored?.completion } };
}

export function pointsForCompletion(rules: EarningRules, category: RequestCategory, urgency: Urgency): number {
  return rules.completion[CATEGORY_BEHAVIOUR[category].pointsRule] + (urgency === 'urgent' ? rules.urgentBonus : 0);
}

export function ratingBonusFor(rules: EarningRules, stars: number): number {
  return stars >= rules.ratingBonusMinStars ? rules.ratingBonus : 0;
}

/** Duty points for a stretch of minutes: whole hours only, so nobody farms minutes. */
export function dutyPoints(rules: EarningRules, minutes: number): number {
  return Math.floor(Math.max(0, minutes) / 60) * rules.dutyPointsPerHour;
}

/** What may still be credited today under a daily cap. */
export function withinDailyCap(amount: number, earnedToday: number, cap: number): number {
  return Math.max(0, Math.min(amount, cap - earnedToday));
}

/** A redemption code shown by a member is valid this long (a security setting, not configurable). */
export const REDEEM_CODE_TTL_MS = 60_000;
