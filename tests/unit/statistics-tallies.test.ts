import fc from 'fast-check';
import { roundedMinutes, summarizeDurations, summarizeRatings, type Tally } from '../../src/shared/domain/statistics';

/** The exact figure the page promises: nearest-rank percentile of the raw durations, then rounded to minutes. */
function exactPercentileMinutes(durationsMs: number[], p: number): number | null {
  if (durationsMs.length === 0) return null;
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return Math.round(sorted[rank - 1] / 60_000);
}

function tally(values: number[]): Tally[] {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  // In no particular order, as the database returns groups.
  return [...counts].map(([value, count]) => ({ value, count })).reverse();
}

describe('statistics from tallies (what the database groups)', () => {
  test('median and p90 from minute tallies equal the exact durations’ percentiles rounded to minutes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 * 86_400_000 }), { maxLength: 300 }), (durations) => {
        const summary = summarizeDurations(tally(durations.map(roundedMinutes)));
        expect(summary).toEqual({ count: durations.length, medianMinutes: exactPercentileMinutes(durations, 50), p90Minutes: exactPercentileMinutes(durations, 90) });
      }),
    );
  });

  test('half a minute rounds up, as Math.round does', () => {
    expect([29_999, 30_000, 89_999, 90_000].map(roundedMinutes)).toEqual([0, 1, 1, 2]);
  });

  test('satisfaction from star tallies: average to two places, the share of 4–5 stars to one', () => {
    expect(summarizeRatings([])).toEqual({ rated: 0, averageStars: null, satisfiedPercent: null });
    expect(summarizeRatings([{ value: 5, count: 2 }, { value: 2, count: 1 }])).toEqual({ rated: 3, averageStars: 4, satisfiedPercent: 66.7 });
  });
});
