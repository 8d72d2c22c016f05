/** Communities run on China Standard Time (UTC+8, no daylight saving). */
export const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant the China calendar day containing `epochMs` began. */
export function chinaDayStart(epochMs: number): number {
  return Math.floor((epochMs + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;
}

/** The instant the China calendar month containing `epochMs` began. */
export function chinaMonthStart(epochMs: number): number {
  const local = new Date(epochMs + CHINA_OFFSET_MS);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - CHINA_OFFSET_MS;
}
