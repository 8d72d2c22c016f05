import type Database from 'better-sqlite3';
import type { AttendanceMark, SignupStatus } from '../../../shared/domain/service-rules';
import type { ActivityRecord, DutyRecord, ServiceRepo, SignupRecord } from '../../ports';
import { json, num, numOrNull, str, strOrNull, type Row } from './rows';

const toDuty = (row: Row): DutyRecord => ({
  id: str(row.id),
  communityId: str(row.community_id),
  memberId: str(row.member_id),
  servicePointId: str(row.service_point_id),
  checkInAt: num(row.check_in_at),
  checkInLocation: { lat: num(row.check_in_lat), lng: num(row.check_in_lng) },
  status: str(row.status) as DutyRecord['status'],
  checkOutAt: numOrNull(row.check_out_at),
  closedBy: strOrNull(row.closed_by) as DutyRecord['closedBy'],
  minutes: numOrNull(row.minutes),
  points: numOrNull(row.points),
});

const toActivity = (row: Row): ActivityRecord => ({
  id: str(row.id),
  communityId: str(row.community_id),
  title: str(row.title),
  place: str(row.place),
  location: { lat: num(row.lat), lng: num(row.lng) },
  radiusM: num(row.radius_m),
  startsAt: num(row.starts_at),
  endsAt: num(row.ends_at),
  capacity: num(row.capacity),
  signedUp: num(row.signed_up),
  points: num(row.points),
  skills: json<string[]>(row.skills),
  status: str(row.status) as ActivityRecord['status'],
  createdBy: str(row.created_by),
  createdAt: num(row.created_at),
  completedAt: numOrNull(row.completed_at),
});

const toSignup = (row: Row): SignupRecord => ({
  activityId: str(row.activity_id),
  memberId: str(row.member_id),
  status: str(row.status) as SignupStatus,
  signedUpAt: num(row.signed_up_at),
  checkInAt: numOrNull(row.check_in_at),
  checkOutAt: numOrNull(row.check_out_at),
  attendance: strOrNull(row.attendance) as AttendanceMark | null,
  points: numOrNull(row.points),
});

export function createServiceRepo(db: Database.Database): ServiceRepo {
  const insertDuty = db.prepare(`INSERT OR IGNORE INTO duties (id, community_id, member_id, service_point_id, check_in_at, check_in_lat, check_in_lng, status)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'open')`);
  const dutyById = db.prepare('SELECT * FROM duties WHERE id = ?');
  const openDuty = db.prepare(`SELECT * FROM duties WHERE member_id = ? AND status = 'open'`);
  const latestDuty = db.prepare('SELECT * FROM duties WHERE member_id = ? ORDER BY check_in_at DESC, id DESC LIMIT 1');
  const closeDuty = db.prepare(`UPDATE duties SET status = 'closed', check_out_at = @checkOutAt, closed_by = @closedBy, minutes = @minutes, points = @points
    WHERE id = @id AND status = 'open'`);
  const dutiesOf = db.prepare('SELECT * FROM duties WHERE member_id = ? ORDER BY check_in_at DESC, id DESC LIMIT ?');
  const minutesSince = db.prepare(`SELECT COALESCE(SUM(minutes), 0) AS total FROM duties WHERE member_id = ? AND status = 'closed' AND check_in_at >= ?`);
  const openDuties = db.prepare(`SELECT * FROM duties WHERE status = 'open' AND (@communityId IS NULL OR community_id = @communityId) ORDER BY check_in_at LIMIT @limit`);
  const insertActivity = db.prepare(`INSERT INTO activities (id, community_id, title, place, lat, lng, radius_m, starts_at, ends_at, capacity, signed_up, points, skills, status, created_by, created_at, completed_at)
    VALUES (@id, @communityId, @title, @place, @lat, @lng, @radiusM, @startsAt, @endsAt, @capacity, @signedUp, @points, @skills, @status, @createdBy, @createdAt, @completedAt)`);
  const activityById = db.prepare('SELECT * FROM activities WHERE id = ?');
  const upcoming = db.prepare(`SELECT * FROM activities WHERE community_id = ? AND ends_at >= ? AND status = 'open' ORDER BY starts_at, id LIMIT ?`);
  const past = db.prepare(`SELECT * FROM activities WHERE community_id = ? AND (ends_at < ? OR status = 'completed') ORDER BY starts_at DESC, id DESC LIMIT ?`);
  const takePlace = db.prepare('UPDATE activities SET signed_up = signed_up + 1 WHERE id = ? AND signed_up < capacity');
  const releasePlace = db.prepare('UPDATE activities SET signed_up = signed_up - 1 WHERE id = ? AND signed_up > 0');
  const complete = db.prepare(`UPDATE activities SET status = 'completed', completed_at = ? WHERE id = ? AND status = 'open'`);
  const signup = db.prepare('SELECT * FROM activity_signups WHERE activity_id = ? AND member_id = ?');
  const saveSignup = db.prepare(`INSERT INTO activity_signups (activity_id, member_id, status, signed_up_at, check_in_at, check_out_at, attendance, points)
    VALUES (@activityId, @memberId, @status, @signedUpAt, @checkInAt, @checkOutAt, @attendance, @points)
    ON CONFLICT (activity_id, member_id) DO UPDATE SET status = excluded.status, signed_up_at = excluded.signed_up_at, check_in_at = excluded.check_in_at,
      check_out_at = excluded.check_out_at, attendance = excluded.attendance, points = excluded.points`);
  const signupsOf = db.prepare('SELECT * FROM activity_signups WHERE activity_id = ? ORDER BY signed_up_at, member_id');
  const signupsForMember = db.prepare('SELECT * FROM activity_signups WHERE member_id = ? ORDER BY signed_up_at DESC LIMIT ?');
  return {
    async insertDuty(duty) {
      const result = insertDuty.run(duty.id, duty.communityId, duty.memberId, duty.servicePointId, duty.checkInAt, duty.checkInLocation.lat, duty.checkInLocation.lng);
      return result.changes === 1;
    },
    async getDuty(id) {
      const row = dutyById.get(id) as Row | undefined;
      return row ? toDuty(row) : null;
    },
    async findOpenDuty(memberId) {
      const row = openDuty.get(memberId) as Row | undefined;
      return row ? toDuty(row) : null;
    },
    async latestDuty(memberId) {
      const row = latestDuty.get(memberId) as Row | undefined;
      return row ? toDuty(row) : null;
    },
    async closeDuty(id, patch) {
      return closeDuty.run({ id, ...patch }).changes === 1;
    },
    async listDutiesForMember(memberId, limit) {
      return (dutiesOf.all(memberId, limit) as Row[]).map(toDuty);
    },
    async dutyMinutesSince(memberId, since) {
      return num((minutesSince.get(memberId, since) as Row).total);
    },
    async listOpenDuties(communityId, limit) {
      return (openDuties.all({ communityId, limit }) as Row[]).map(toDuty);
    },
    async insertActivity(activity) {
      const { location, skills, ...rest } = activity;
      insertActivity.run({ ...rest, lat: location.lat, lng: location.lng, skills: JSON.stringify(skills) });
    },
    async getActivity(id) {
      const row = activityById.get(id) as Row | undefined;
      return row ? toActivity(row) : null;
    },
    async listActivities(communityId, scope, now, limit) {
      return ((scope === 'upcoming' ? upcoming : past).all(communityId, now, limit) as Row[]).map(toActivity);
    },
    async takePlace(activityId) {
      return takePlace.run(activityId).changes === 1;
    },
    async releasePlace(activityId) {
      releasePlace.run(activityId);
    },
    async completeActivity(id, at) {
      return complete.run(at, id).changes === 1;
    },
    async getSignup(activityId, memberId) {
      const row = signup.get(activityId, memberId) as Row | undefined;
      return row ? toSignup(row) : null;
    },
    async saveSignup(record) {
      saveSignup.run(record);
    },
    async listSignups(activityId) {
      return (signupsOf.all(activityId) as Row[]).map(toSignup);
    },
    async listSignupsForMember(memberId, limit) {
      return (signupsForMember.all(memberId, limit) as Row[]).map(toSignup);
    },
  };
}
