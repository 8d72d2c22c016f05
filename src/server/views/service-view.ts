import type { TActivityView, TDutyView } from '../../shared/contracts/service';
import type { ActivityRecord, DutyRecord, SignupRecord } from '../ports';

const iso = (epochMs: number | null) => (epochMs === null ? null : new Date(epochMs).toISOString());

export function toDutyView(duty: DutyRecord, servicePointName: string): TDutyView {
  return {
    id: duty.id,
    servicePointId: duty.servicePointId,
    servicePointName,
    checkInAt: new Date(duty.checkInAt).toISOString(),
    status: duty.status,
    checkOutAt: iso(duty.checkOutAt),
    closedBy: duty.closedBy,
    minutes: duty.minutes,
    points: duty.points,
  };
}

export function toSignupView(signup: SignupRecord) {
  return { status: signup.status, checkInAt: iso(signup.checkInAt), checkOutAt: iso(signup.checkOutAt), attendance: signup.attendance, points: signup.points };
}

export function toActivityView(activity: ActivityRecord, mine: SignupRecord | null): TActivityView {
  return {
    id: activity.id,
    title: activity.title,
    place: activity.place,
    location: activity.location,
    radiusM: activity.radiusM,
    startsAt: new Date(activity.startsAt).toISOString(),
    endsAt: new Date(activity.endsAt).toISOString(),
    capacity: activity.capacity,
    signedUp: activity.signedUp,
    points: activity.points,
    skills: activity.skills,
    status: activity.status,
    mySignup: mine ? toSignupView(mine) : null,
  };
}
