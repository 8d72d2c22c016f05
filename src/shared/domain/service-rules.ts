import { CHINA_OFFSET_MS, chinaDayStart } from './china-time';
import { formatDistance } from './geo';
import { minutesOf, type OpeningHours } from './structure-rules';

const MINUTE = 60_000;

/** 1 = Monday … 7 = Sunday, and minutes after midnight, in China time. */
function chinaClock(epochMs: number): { weekday: number; minutes: number } {
  const local = new Date(epochMs + CHINA_OFFSET_MS);
  return { weekday: local.getUTCDay() === 0 ? 7 : local.getUTCDay(), minutes: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

export function isOpenAt(hours: OpeningHours, epochMs: number): boolean {
  const { weekday, minutes } = chinaClock(epochMs);
  return hours.weekdays.includes(weekday) && minutes >= minutesOf(hours.open) && minutes < minutesOf(hours.close);
}

/** Closing time on the China day of `epochMs`. */
export function closingTimeOn(hours: OpeningHours, epochMs: number): number {
  return chinaDayStart(epochMs) + minutesOf(hours.close) * MINUTE;
}

export function openingHoursText(hours: OpeningHours): string {
  const names = ['', '一', '二', '三', '四', '五', '六', '日'];
  return `每周${hours.weekdays.map((day) => names[day]).join('、')} ${hours.open}–${hours.close}`;
}

/** The error a member sees when they are too far to check in or out. */
export function tooFarMessage(place: string, distanceM: number, radiusM: number): string {
  return `您距离${place}约 ${formatDistance(distanceM)}，需要在 ${radiusM} 米以内才能签到或签退`;
}

/** Activities: check-in opens this long before the start; arriving later than this after the start is late. */
export const ACTIVITY_CHECKIN_EARLY_MINUTES = 30;
export const ACTIVITY_LATE_AFTER_MINUTES = 10;

export const ATTENDANCE_MARKS = ['normal', 'late', 'absent', 'on_leave'] as const;
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number];
export const ATTENDANCE_LABELS: Record<AttendanceMark, string> = { normal: '正常', late: '迟到', absent: '缺席', on_leave: '请假' };

export const SIGNUP_STATUSES = ['signed_up', 'cancelled', 'on_leave'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

export interface ActivityWindow {
  startsAt: number;
  endsAt: number;
}

export function canCheckInToActivity(activity: ActivityWindow, now: number): boolean {
  return now >= activity.startsAt - ACTIVITY_CHECKIN_EARLY_MINUTES * MINUTE && now <= activity.endsAt;
}

/** The mark a signed-up member gets when the activity is completed. */
export function attendanceOf(activity: ActivityWindow, signup: { status: SignupStatus; checkInAt: number | null }): AttendanceMark | null {
  if (signup.status === 'cancelled') return null;
  if (signup.status === 'on_leave') return 'on_leave';
  if (signup.checkInAt === null) return 'absent';
  return signup.checkInAt > activity.startsAt + ACTIVITY_LATE_AFTER_MINUTES * MINUTE ? 'late' : 'normal';
}
