import type { RequestCategory, Urgency } from './categories';

export const COMPLETION_POINTS: Record<RequestCategory, number> = {
  repair: 10,
  errand: 8,
  policy: 5,
  mediation: 15,
  care_visit: 10,
  wish: 8,
  suggestion: 3,
};

export const URGENT_BONUS_POINTS = 5;

export function pointsForCompletion(category: RequestCategory, urgency: Urgency): number {
  return COMPLETION_POINTS[category] + (urgency === 'urgent' ? URGENT_BONUS_POINTS : 0);
}
