import { chinaDayOfMonth, monthKeyOf, monthKeysBetween, parsePeriod, type Period } from './periods';

/** 民生实事: a livelihood project on the community's ledger. */
export const PROJECT_STATUSES = ['in_progress', 'written_off'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = { in_progress: '推进中', written_off: '已销账' };

export const PROJECT_SOURCES = ['admin', 'escalation', 'deliberation'] as const;
export type ProjectSource = (typeof PROJECT_SOURCES)[number];
export const PROJECT_SOURCE_LABELS: Record<ProjectSource, string> = { admin: '社区立项', escalation: '吹哨上报', deliberation: '居民议事' };

/**
 * Whether a project is public from the start. An admin writes a project for the community and a
 * deliberation was public already; an escalation carries a resident's own complaint, so it stays with
 * staff until an admin publishes it in words written for the public.
 */
export const PUBLISHED_AT_START: Record<ProjectSource, boolean> = { admin: true, escalation: false, deliberation: true };

/** The monthly progress entry is due by the end of the 25th (China time); reminders start on the 20th. */
export const PROGRESS_DUE_DAY = 25;
export const PROGRESS_REMINDER_DAY = 20;

/** The instant a month's progress entry becomes late: the start of the 26th. */
export function progressDueAt(monthKey: string): number {
  const month = parsePeriod(monthKey) as Period;
  return month.start + PROGRESS_DUE_DAY * 24 * 60 * 60 * 1000;
}

export interface ProgressState {
  /** Months whose entry was due while the project ran and never came. */
  lateMonths: string[];
  /** This month's entry is missing and the reminder window (20th–25th) is open. */
  dueSoon: boolean;
  currentMonth: string;
}

/**
 * A month needs an entry when the project was already running before its due moment and was not
 * written off by then; a project started on the 27th owes nothing for that month.
 */
export function progressState(createdAt: number, writtenOffAt: number | null, monthsWithEntry: ReadonlySet<string>, now: number): ProgressState {
  const currentMonth = monthKeyOf(now);
  const until = writtenOffAt ?? now;
  const lateMonths = monthKeysBetween(createdAt, until).filter((month) => {
    const due = progressDueAt(month);
    return createdAt < due && due <= until && !monthsWithEntry.has(month);
  });
  const dueSoon =
    writtenOffAt === null &&
    !monthsWithEntry.has(currentMonth) &&
    createdAt < progressDueAt(currentMonth) &&
    now < progressDueAt(currentMonth) &&
    chinaDayOfMonth(now) >= PROGRESS_REMINDER_DAY;
  return { lateMonths, dueSoon, currentMonth };
}
