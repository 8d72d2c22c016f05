import type { ServicePointKind } from '../../shared/domain/community-settings';
import type { OpeningHours } from '../../shared/domain/structure-rules';
import type { AttendanceMark, SignupStatus } from '../../shared/domain/service-rules';
import type { LatLng } from '../../shared/domain/geo';

// Service points, duty check-ins and volunteer activities.

export interface ServicePointRecord {
  id: string;
  communityId: string;
  name: string;
  kind: ServicePointKind;
  location: LatLng;
  radiusM: number;
  openingHours: OpeningHours;
  createdAt: number;
}

/** A member's stretch of duty at a service point, from check-in to check-out (by them or at closing time). */
export interface DutyRecord {
  id: string;
  communityId: string;
  memberId: string;
  servicePointId: string;
  checkInAt: number;
  checkInLocation: LatLng;
  status: 'open' | 'closed';
  checkOutAt: number | null;
  closedBy: 'member' | 'auto' | null;
  minutes: number | null;
  points: number | null;
}

export interface ActivityRecord {
  id: string;
  communityId: string;
  title: string;
  place: string;
  location: LatLng;
  radiusM: number;
  startsAt: number;
  endsAt: number;
  capacity: number;
  signedUp: number;
  points: number;
  skills: string[];
  status: 'open' | 'completed';
  createdBy: string;
  createdAt: number;
  completedAt: number | null;
}

export interface SignupRecord {
  activityId: string;
  memberId: string;
  status: SignupStatus;
  signedUpAt: number;
  checkInAt: number | null;
  checkOutAt: number | null;
  attendance: AttendanceMark | null;
  points: number | null;
}

export interface ServicePointRepo {
  get(id: string): Promise<ServicePointRecord | null>;
  listByCommunity(communityId: string): Promise<ServicePointRecord[]>;
  save(point: ServicePointRecord): Promise<void>;
}

export interface ServiceRepo {
  /** False when the member already has an open duty (one open duty per member, enforced by the store). */
  insertDuty(duty: DutyRecord): Promise<boolean>;
  getDuty(id: string): Promise<DutyRecord | null>;
  findOpenDuty(memberId: string): Promise<DutyRecord | null>;
  latestDuty(memberId: string): Promise<DutyRecord | null>;
  /** Compare-and-set from open. */
  closeDuty(id: string, patch: Pick<DutyRecord, 'checkOutAt' | 'closedBy' | 'minutes' | 'points'>): Promise<boolean>;
  listDutiesForMember(memberId: string, limit: number): Promise<DutyRecord[]>;
  dutyMinutesSince(memberId: string, since: number): Promise<number>;
  listOpenDuties(communityId: string | null, limit: number): Promise<DutyRecord[]>;
  insertActivity(activity: ActivityRecord): Promise<void>;
  getActivity(id: string): Promise<ActivityRecord | null>;
  listActivities(communityId: string, scope: 'upcoming' | 'past', now: number, limit: number): Promise<ActivityRecord[]>;
  /** Takes a place only while places are left. */
  takePlace(activityId: string): Promise<boolean>;
  releasePlace(activityId: string): Promise<void>;
  /** Compare-and-set from open. */
  completeActivity(id: string, at: number): Promise<boolean>;
  getSignup(activityId: string, memberId: string): Promise<SignupRecord | null>;
  saveSignup(signup: SignupRecord): Promise<void>;
  listSignups(activityId: string): Promise<SignupRecord[]>;
  listSignupsForMember(memberId: string, limit: number): Promise<SignupRecord[]>;
}
