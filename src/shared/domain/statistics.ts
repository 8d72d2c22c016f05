/** How many times a value occurs (a duration in whole minutes, a number of stars). */
export interface Tally {
  value: number;
  count: number;
}

/** Nearest-rank percentile over tallied values; null when there are none. */
export function tallyPercentile(tallies: readonly Tally[], p: number): number | null {
  const sorted = [...tallies].filter((tally) => tally.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, tally) => sum + tally.count, 0);
  if (total === 0) return null;
  const rank = Math.min(total, Math.max(1, Math.ceil((p / 100) * total)));
  let seen = 0;
  for (const tally of sorted) {
    seen += tally.count;
    if (seen >= rank) return tally.value;
  }
  return null;
}

export interface DurationSummary {
  count: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

/**
 * Median and p90 of durations tallied in whole minutes (each rounded to the nearest minute, so the
 * percentile is the rounded percentile of the exact durations: rounding keeps their order).
 */
export function summarizeDurations(minutes: readonly Tally[]): DurationSummary {
  return { count: minutes.reduce((sum, tally) => sum + tally.count, 0), medianMinutes: tallyPercentile(minutes, 50), p90Minutes: tallyPercentile(minutes, 90) };
}

/** A duration in whole minutes, rounded as the statistics tally it. */
export const roundedMinutes = (ms: number): number => Math.floor((ms + 30_000) / 60_000);

export interface Satisfaction {
  rated: number;
  averageStars: number | null;
  /** Share of ratings with 4 or 5 stars, 0–100. */
  satisfiedPercent: number | null;
}

export function summarizeRatings(stars: readonly Tally[]): Satisfaction {
  const rated = stars.reduce((sum, tally) => sum + tally.count, 0);
  if (rated === 0) return { rated: 0, averageStars: null, satisfiedPercent: null };
  const total = stars.reduce((sum, tally) => sum + tally.value * tally.count, 0);
  const satisfied = stars.reduce((sum, tally) => sum + (tally.value >= 4 ? tally.count : 0), 0);
  return {
    rated,
    averageStars: Math.round((total / rated) * 100) / 100,
    satisfiedPercent: Math.round((satisfied / rated) * 1000) / 10,
  };
}

/** Change from the previous value in percent (one decimal); null when there is nothing to compare with. */
export function changePercent(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return Math.round(((current - previous) / previous) * 1000) / 10;
}
