import type { AttendanceMark, SignupStatus } from '../../../shared/domain/service-rules';
import type { ActivityRecord, DutyRecord, ServiceRepo, SignupRecord } from '../../ports';
import type { Doc, DocDb } from './doc-db';
import type { StoreSession } from './session-cache';
import { compositeId, toDoc, orNull } from './doc-db';

/*
 * Collections written here:
 *   duties            `_id` = duty id: the DutyRecord (`checkInLocation` as { lat, lng }).
 *   duties_open       `_id` = member id → `{ dutyId }` while the member has an open duty: SQLite's
 *                     partial UNIQUE index (member_id WHERE status = 'open'). `insertDuty` is
 *                     insert-if-absent on it (concurrent check-ins conflict on the document, the
 *                     loser re-runs and is refused), `closeDuty` removes it in the same transaction,
 *                     and `findOpenDuty` reads it by id, so it sees this transaction's own check-in.
 *   activities        `_id` = activity id: the ActivityRecord. `takePlace`/`releasePlace` are guarded
 *                     counters on `signedUp` and `completeActivity` is compare-and-set from open.
 *   activity_signups  `_id` = compositeId(activityId, memberId): the SignupRecord (the composite
 *                     primary key). Ids never hold ':', so composite ids cannot collide.
 */

export const DUTIES = 'duties';
export const DUTIES_OPEN = 'duties_open';
export const ACTIVITIES = 'activities';
export const ACTIVITY_SIGNUPS = 'activity_signups';

/**
 * A member's closed duties since the moment that `dutyMinutesSince` sums at most (it is asked for
 * the month and for all time: a member on duty every day for ten years has ~3,650). Past it the
 * oldest are left out.
 */
export const DUTY_MINUTES_CAP = 20_000;
/** Signups of one activity `listSignups` reads at most (SQLite has no LIMIT; places are capped far below). */
export const ACTIVITY_SIGNUPS_CAP = 5_000;

function toDuty(doc: Doc): DutyRecord {
  const location = doc.checkInLocation as { lat: number; lng: number };
  return {
    id: String(doc.id),
    communityId: String(doc.communityId),
    memberId: String(doc.memberId),
    servicePointId: String(doc.servicePointId),
    checkInAt: Number(doc.checkInAt),
    checkInLocation: { lat: Number(location.lat), lng: Number(location.lng) },
    status: doc.status as DutyRecord['status'],
    checkOutAt: orNull<number>(doc.checkOutAt),
    closedBy: orNull<'member' | 'auto'>(doc.closedBy),
    minutes: orNull<number>(doc.minutes),
    points: orNull<number>(doc.points),
  };
}

function toActivity(doc: Doc): ActivityRecord {
  const location = doc.location as { lat: number; lng: number };
  return {
    id: String(doc.id),
    communityId: String(doc.communityId),
    title: String(doc.title),
    place: String(doc.place),
    location: { lat: Number(location.lat), lng: Number(location.lng) },
    radiusM: Number(doc.radiusM),
    startsAt: Number(doc.startsAt),
    endsAt: Number(doc.endsAt),
    capacity: Number(doc.capacity),
    signedUp: Number(doc.signedUp),
    points: Number(doc.points),
    skills: Array.isArray(doc.skills) ? doc.skills.map(String) : [],
    status: doc.status as ActivityRecord['status'],
    createdBy: String(doc.createdBy),
    createdAt: Number(doc.createdAt),
    completedAt: orNull<number>(doc.completedAt),
  };
}

function toSignup(doc: Doc): SignupRecord {
  return {
    activityId: String(doc.activityId),
    memberId: String(doc.memberId),
    status: doc.status as SignupStatus,
    signedUpAt: Number(doc.signedUpAt),
    checkInAt: orNull<number>(doc.checkInAt),
    checkOutAt: orNull<number>(doc.checkOutAt),
    attendance: orNull<AttendanceMark>(doc.attendance),
    points: orNull<number>(doc.points),
  };
}

const NEWEST_DUTY_FIRST = [
  { field: 'checkInAt', direction: 'desc' as const },
  { field: 'id', direction: 'desc' as const },
];

export function createServiceRepo(db: DocDb, session: StoreSession): ServiceRepo {
  return {
    async insertDuty(duty) {
      // As SQLite's INSERT OR IGNORE: refused when the member is already on duty or the id is taken.
      if (await session.get(DUTIES_OPEN, duty.memberId)) return false;
      if (await session.get(DUTIES, duty.id)) return false;
      // SQLite writes only the check-in; the duty always starts open.
      const opened: DutyRecord = { ...duty, status: 'open', checkOutAt: null, closedBy: null, minutes: null, points: null };
      await session.set(DUTIES, toDoc(duty.id, opened));
      await session.set(DUTIES_OPEN, { _id: duty.memberId, dutyId: duty.id });
      return true;
    },

    async getDuty(id) {
      const doc = await session.get(DUTIES, id);
      return doc ? toDuty(doc) : null;
    },

    async findOpenDuty(memberId) {
      const link = await session.get(DUTIES_OPEN, memberId);
      if (!link) return null;
      const doc = await session.get(DUTIES, String(link.dutyId));
      return doc && doc.status === 'open' ? toDuty(doc) : null;
    },

    async latestDuty(memberId) {
      const [doc] = await db.find(DUTIES, { memberId }, { orderBy: NEWEST_DUTY_FIRST, limit: 1 });
      return doc ? toDuty(doc) : null;
    },

    async closeDuty(id, patch) {
      const doc = await session.get(DUTIES, id);
      if (!doc || doc.status !== 'open') return false;
      const { checkOutAt, closedBy, minutes, points } = patch;
      await session.update(DUTIES, id, { status: 'closed', checkOutAt, closedBy, minutes, points });
      const memberId = String(doc.memberId);
      const link = await session.get(DUTIES_OPEN, memberId);
      if (link && link.dutyId === id) await session.remove(DUTIES_OPEN, memberId);
      return true;
    },

    async listDutiesForMember(memberId, limit) {
      return (await db.find(DUTIES, { memberId }, { orderBy: NEWEST_DUTY_FIRST, limit })).map(toDuty);
    },

    async dutyMinutesSince(memberId, since) {
      const docs = await db.find(DUTIES, { memberId, status: 'closed', checkInAt: { gte: since } }, { orderBy: NEWEST_DUTY_FIRST, limit: DUTY_MINUTES_CAP, fields: ['minutes'] });
      return docs.reduce((sum, doc) => sum + Number(doc.minutes ?? 0), 0);
    },

    async listOpenDuties(communityId, limit) {
      const docs = await db.find(DUTIES, { status: 'open', communityId: communityId ?? undefined }, {
        orderBy: [
          { field: 'checkInAt', direction: 'asc' },
          { field: 'id', direction: 'asc' },
        ],
        limit,
      });
      return docs.map(toDuty);
    },

    async insertActivity(activity) {
      await session.create(ACTIVITIES, toDoc(activity.id, activity), `UNIQUE constraint failed: activities.id (${activity.id})`);
    },

    async getActivity(id) {
      const doc = await session.get(ACTIVITIES, id);
      return doc ? toActivity(doc) : null;
    },

    async listActivities(communityId, scope, now, limit) {
      if (scope === 'upcoming') {
        const docs = await db.find(ACTIVITIES, { communityId, status: 'open', endsAt: { gte: now } }, {
          orderBy: [
            { field: 'startsAt', direction: 'asc' },
            { field: 'id', direction: 'asc' },
          ],
          limit,
        });
        return docs.map(toActivity);
      }
      // Past = ended, or completed early. No OR in a query: two disjoint queries, merged.
      const order = [
        { field: 'startsAt', direction: 'desc' as const },
        { field: 'id', direction: 'desc' as const },
      ];
      const ended = await db.find(ACTIVITIES, { communityId, endsAt: { lt: now } }, { orderBy: order, limit });
      const completedEarly = await db.find(ACTIVITIES, { communityId, status: 'completed', endsAt: { gte: now } }, { orderBy: order, limit });
      return [...ended, ...completedEarly]
        .map(toActivity)
        .sort((a, b) => b.startsAt - a.startsAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
        .slice(0, limit);
    },

    async takePlace(activityId) {
      const doc = await session.get(ACTIVITIES, activityId);
      if (!doc) return false;
      const signedUp = Number(doc.signedUp);
      if (signedUp >= Number(doc.capacity)) return false;
      await session.update(ACTIVITIES, activityId, { signedUp: signedUp + 1 });
      return true;
    },

    async releasePlace(activityId) {
      const doc = await session.get(ACTIVITIES, activityId);
      if (!doc) return;
      const signedUp = Number(doc.signedUp);
      if (signedUp <= 0) return;
      await session.update(ACTIVITIES, activityId, { signedUp: signedUp - 1 });
    },

    async completeActivity(id, at) {
      const doc = await session.get(ACTIVITIES, id);
      if (!doc || doc.status !== 'open') return false;
      await session.update(ACTIVITIES, id, { status: 'completed', completedAt: at });
      return true;
    },

    async getSignup(activityId, memberId) {
      const doc = await session.get(ACTIVITY_SIGNUPS, compositeId(activityId, memberId));
      return doc ? toSignup(doc) : null;
    },

    async saveSignup(signup) {
      await session.set(ACTIVITY_SIGNUPS, toDoc(compositeId(signup.activityId, signup.memberId), signup));
    },

    async listSignups(activityId) {
      const docs = await db.find(ACTIVITY_SIGNUPS, { activityId }, {
        orderBy: [
          { field: 'signedUpAt', direction: 'asc' },
          { field: 'memberId', direction: 'asc' },
        ],
        limit: ACTIVITY_SIGNUPS_CAP,
      });
      return docs.map(toSignup);
    },

    async listSignupsForMember(memberId, limit) {
      const docs = await db.find(ACTIVITY_SIGNUPS, { memberId }, {
        orderBy: [
          { field: 'signedUpAt', direction: 'desc' },
          { field: 'activityId', direction: 'desc' },
        ],
        limit,
      });
      return docs.map(toSignup);
    },
  };
}
