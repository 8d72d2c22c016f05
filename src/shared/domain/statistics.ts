/** Nearest-rank percentile of ascending values; null when there are none. */
export function percentile(sortedAscending: readonly number[], p: number): number | null {
  if (sortedAscending.length === 0) return null;
  const rank = Math.ceil((p / 100) * sortedAscending.length);
  return sortedAscending[Math.min(sortedAscending.length, Math.max(1, rank)) - 1];
}

export interface DurationSummary {
  count: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

/** Median and p90 of durations in milliseconds, reported in whole minutes. */
export function summarizeDurations(durationsMs: number[]): DurationSummary {
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const minutes = (value: number | null) => (value === null ? null : Math.round(value / 60_000));
  return { count: sorted.length, medianMinutes: minutes(percentile(sorted, 50)), p90Minutes: minutes(percentile(sorted, 90)) };
}

export interface Satisfaction {
  rated: number;
  averageStars: number | null;
  /** Share of ratings with 4 or 5 stars, 0–100. */
  satisfiedPercent: number | null;
}

export function summarizeRatings(stars: readonly number[]): Satisfaction {
  if (stars.length === 0) return { rated: 0, averageStars: null, satisfiedPercent: null };
  const total = stars.reduce((sum, value) => sum + value, 0);
  return {
    rated: stars.length,
    averageStars: Math.round((total / stars.length) * 100) / 100,
    satisfiedPercent: Math.round((stars.filter((value) => value >= 4).length / stars.length) * 1000) / 10,
  };
}

/** Change from the previous value in percent (one decimal); null when there is nothing to compare with. */
export function changePercent(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return Math.round(((current - previous) / previous) * 1000) / 10;
}
