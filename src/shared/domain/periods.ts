import { CHINA_OFFSET_MS } from './china-time';

/** A reporting period in China time: a month `2026-11` or a quarter `2026-Q4`. */
export interface Period {
  key: string;
  kind: 'month' | 'quarter';
  label: string;
  /** First instant of the period. */
  start: number;
  /** First instant after the period. */
  end: number;
}

export const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2]|Q[1-4])$/;
const QUARTER_LABELS = ['一', '二', '三', '四'];

const chinaMonthInstant = (year: number, monthIndex: number) => Date.UTC(year, monthIndex, 1) - CHINA_OFFSET_MS;

export function parsePeriod(key: string): Period | null {
  const match = PERIOD_PATTERN.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2].startsWith('Q')) {
    const quarter = Number(match[2].slice(1));
    return { key, kind: 'quarter', label: `${year}年第${QUARTER_LABELS[quarter - 1]}季度`, start: chinaMonthInstant(year, (quarter - 1) * 3), end: chinaMonthInstant(year, quarter * 3) };
  }
  const month = Number(match[2]);
  return { key, kind: 'month', label: `${year}年${month}月`, start: chinaMonthInstant(year, month - 1), end: chinaMonthInstant(year, month) };
}

function chinaYearMonth(epochMs: number): { year: number; month: number } {
  const local = new Date(epochMs + CHINA_OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1 };
}

/** `2026-11` for any instant of November 2026 in China. */
export function monthKeyOf(epochMs: number): string {
  const { year, month } = chinaYearMonth(epochMs);
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The month or quarter containing an instant. */
export function periodOf(kind: Period['kind'], epochMs: number): Period {
  const { year, month } = chinaYearMonth(epochMs);
  const key = kind === 'month' ? monthKeyOf(epochMs) : `${year}-Q${Math.ceil(month / 3)}`;
  return parsePeriod(key) as Period;
}

/** The period just before, for month-over-month (or quarter-over-quarter) comparison. */
export function previousPeriod(period: Period): Period {
  return periodOf(period.kind, period.start - 1);
}

/** Month keys from the month of `from` through the month of `to`, inclusive. */
export function monthKeysBetween(from: number, to: number): string[] {
  const keys: string[] = [];
  for (let at = parsePeriod(monthKeyOf(from))?.start ?? from; at <= to; at = (parsePeriod(monthKeyOf(at)) as Period).end) keys.push(monthKeyOf(at));
  return keys;
}

/** The China calendar day of the month (1–31) of an instant. */
export function chinaDayOfMonth(epochMs: number): number {
  return new Date(epochMs + CHINA_OFFSET_MS).getUTCDate();
}

/** `2026-11-23` in China. */
export function chinaDateKey(epochMs: number): string {
  return new Date(epochMs + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** `2026-11-23` plus some days, as a calendar date. */
export function addDays(dateKey: string, days: number): string {
  return new Date(Date.parse(`${dateKey}T00:00:00Z`) + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
