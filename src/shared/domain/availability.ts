import { CHINA_OFFSET_MS } from './china-time';
import type { AvailablePeriod } from './community-settings';

const DAY_STARTS = 7;
const EVENING_STARTS = 18;

/** The availability period a moment falls in: weekday or weekend, day (07–18) or evening (18–07). */
export function periodAt(epochMs: number): AvailablePeriod {
  const local = new Date(epochMs + CHINA_OFFSET_MS);
  const hour = local.getUTCHours();
  // Before 07:00 still belongs to the previous evening, so Saturday 02:00 is "weekday evening" (Friday night).
  const day = hour < DAY_STARTS ? (local.getUTCDay() + 6) % 7 : local.getUTCDay();
  const weekend = day === 0 || day === 6;
  const evening = hour < DAY_STARTS || hour >= EVENING_STARTS;
  return `${weekend ? 'weekend' : 'weekday'}_${evening ? 'evening' : 'day'}`;
}

/** Members who gave no hours are treated as always available; urgent requests ignore the hours. */
export function isAvailable(availableHours: readonly string[], period: AvailablePeriod, urgent: boolean): boolean {
  return urgent || availableHours.length === 0 || availableHours.includes(period);
}
