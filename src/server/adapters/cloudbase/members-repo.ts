import type { AvailablePeriod, MemberKind } from '../../../shared/domain/community-settings';
import type { DispatchCandidate } from '../../../shared/domain/dispatch-ranking';
import { distanceMeters, type LatLng } from '../../../shared/domain/geo';
import type { CandidateQuery, MemberRecord, MemberRepo } from '../../ports';
import type { Doc, DocDb, Where } from './doc-db';
import type { StoreSession } from './session-cache';
import { geoPoint, toDoc } from './doc-db';
import { findPage, scanPage } from './paging';
import { MEMBERS, MEMBER_HOUSEHOLDS, USERS, memberSearchTerms } from './users-repo';
import { binaryCompare } from './binary-compare';
import { containsFolded, keywordTerms, startsWithFolded } from './keyword-terms';
import { loadFigures, loadOf } from './member-load';

/*
 * Collections written here:
 *   members            `_id` = user id: the MemberRecord plus, for dispatch and lists,
 *                      `homePoint` (GeoJSON of `home`, 2dsphere-indexed), `availability`
 *                      (`availableHours`, or ['*'] when empty = always available), the user's
 *                      `name` and `phone` (kept in step by users-repo's `update`) and `searchTerms`.
 *   member_households  `_id` = member id → `{ memberId, householdIds (sorted), name }`: the households
 *                      a member is linked to (1+5+15), one document per member; none when no link.
 *                      `load`: the figures dispatch ranks by, moved by requests-repo whenever a request
 *                      document changes (member-load.ts); `save` keeps it.
 */

/** Stands for "any period" in `availability`: SQLite treats an empty list of hours as always available. */
const ANY_PERIOD = '*';

/** geoNear answers per call (the platform's read cap); further calls leave out those already read. */
const GEO_BATCH = 100;
/** At most this many members within the radius are considered (SQLite has no cap). */
const GEO_CAP = 1000;
/**
 * The database measures on a sphere of 6,378.1 km, we on 6,371.0 km: ask a little wider, then keep
 * exactly those `distanceMeters` (the SQLite store's measure) puts inside the radius.
 */
const GEO_SLACK = 1.005;

function toMember(doc: Doc): MemberRecord {
  return {
    userId: String(doc.userId),
    communityId: String(doc.communityId),
    gridId: (doc.gridId as string | null | undefined) ?? null,
    kind: doc.kind as MemberKind,
    workUnit: String(doc.workUnit ?? ''),
    skills: [...((doc.skills as string[] | undefined) ?? [])],
    availableHours: [...((doc.availableHours as AvailablePeriod[] | undefined) ?? [])],
    posts: [...((doc.posts as string[] | undefined) ?? [])],
    status: doc.status as MemberRecord['status'],
    onLeave: doc.onLeave === true,
    home: doc.home as LatLng,
    reviewNote: (doc.reviewNote as string | null | undefined) ?? null,
    appliedAt: Number(doc.appliedAt),
    reviewedAt: (doc.reviewedAt as number | null | undefined) ?? null,
    reviewedBy: (doc.reviewedBy as string | null | undefined) ?? null,
  };
}

export function createMemberRepo(db: DocDb, session: StoreSession): MemberRepo {
  const listKeys = { createdAt: 'appliedAt', id: 'userId' };

  return {
    async get(userId) {
      const doc = await session.get(MEMBERS, userId);
      return doc ? toMember(doc) : null;
    },
    async save(member) {
      const [user, existing] = await Promise.all([session.get(USERS, member.userId), session.get(MEMBERS, member.userId)]);
      const person = { name: String(user?.name ?? ''), phone: String(user?.phone ?? '') };
      await session.set(MEMBERS, {
        ...toDoc(member.userId, member),
        homePoint: geoPoint(member.home),
        availability: member.availableHours.length > 0 ? [...member.availableHours] : [ANY_PERIOD],
        name: person.name,
        phone: person.phone,
        searchTerms: memberSearchTerms(member, person),
        load: loadOf(existing),
      });
    },
    async list(communityId, filter, page) {
      const where: Where = { communityId, status: filter.status, gridId: filter.gridId || undefined };
      const keyword = filter.keyword;
      const result = keyword
        ? await scanPage(
            db,
            MEMBERS,
            { ...where, searchTerms: { in: keywordTerms(keyword, { prefix: true, contains: true }) } },
            page,
            // SQLite: user name or phone by prefix, the skills' JSON text or the work unit containing it.
            (doc) =>
              startsWithFolded(String(doc.name ?? ''), keyword) ||
              startsWithFolded(String(doc.phone ?? ''), keyword) ||
              containsFolded(JSON.stringify(doc.skills ?? []), keyword) ||
              containsFolded(String(doc.workUnit ?? ''), keyword),
            listKeys,
          )
        : await findPage(db, MEMBERS, where, page, listKeys);
      return { items: result.items.map(toMember), nextCursor: result.nextCursor };
    },
    async linkedHouseholdIds(memberId) {
      const links = await session.get(MEMBER_HOUSEHOLDS, memberId);
      return [...((links?.householdIds as string[] | undefined) ?? [])];
    },
    async setLinkedHouseholds(memberId, householdIds) {
      const unique = [...new Set(householdIds)].sort(binaryCompare);
      if (unique.length === 0) {
        if (await session.get(MEMBER_HOUSEHOLDS, memberId)) await session.remove(MEMBER_HOUSEHOLDS, memberId);
        return;
      }
      const user = await session.get(USERS, memberId);
      await session.set(MEMBER_HOUSEHOLDS, { _id: memberId, memberId, householdIds: unique, name: String(user?.name ?? '') });
    },
    async remove(userId) {
      const [member, links] = await Promise.all([session.get(MEMBERS, userId), session.get(MEMBER_HOUSEHOLDS, userId)]);
      if (member) await session.remove(MEMBERS, userId);
      if (links) await session.remove(MEMBER_HOUSEHOLDS, userId);
    },
    async householdPeople(householdIds) {
      const result: Record<string, { members: string[]; residents: string[] }> = {};
      const ids = [...new Set(householdIds)];
      for (const id of ids) result[id] = { members: [], residents: [] };
      for (let start = 0; start < ids.length; start += 100) {
        const chunk = ids.slice(start, start + 100);
        const wanted = new Set(chunk);
        // Explicit caps: a household has a handful of linked members and residents.
        const links = await db.find(MEMBER_HOUSEHOLDS, { householdIds: { in: chunk } }, { limit: 2000, fields: ['name', 'householdIds'] });
        for (const link of links) {
          for (const id of (link.householdIds as string[]) ?? []) if (wanted.has(id)) result[id].members.push(String(link.name));
        }
        const residents = await db.find(USERS, { householdId: { in: chunk } }, { limit: 2000, fields: ['name', 'householdId'] });
        for (const resident of residents) result[String(resident.householdId)]?.residents.push(String(resident.name));
      }
      for (const people of Object.values(result)) {
        people.members.sort(binaryCompare);
        people.residents.sort(binaryCompare);
      }
      return result;
    },

    async findCandidates(query: CandidateQuery): Promise<DispatchCandidate[]> {
      // Eligibility, community, skills and hours are filtered by the database inside geoNear.
      const where: Where = {
        communityId: query.communityId,
        status: 'approved',
        onLeave: false,
        skills: query.skills.length > 0 ? { in: query.skills } : undefined,
        availability: query.urgent ? undefined : { in: [query.period, ANY_PERIOD] },
      };
      const leftOut = [...new Set(query.excludeMemberIds)];
      const linking = query.householdId
        ? db.find(MEMBER_HOUSEHOLDS, { householdIds: query.householdId }, { limit: 1000, fields: ['memberId'] })
        : Promise.resolve([]);
      const nearby = async () => {
        const fitting: { doc: Doc; home: LatLng }[] = [];
        for (let read = 0; read < GEO_CAP; ) {
          const batch = await db.geoNear({
            collection: MEMBERS,
            field: 'homePoint',
            near: geoPoint(query.center),
            maxDistanceM: query.radiusM * GEO_SLACK + 1,
            where: { ...where, _id: leftOut.length > 0 ? { nin: leftOut } : undefined },
            limit: Math.min(GEO_BATCH, GEO_CAP - read),
          });
          for (const doc of batch) {
            leftOut.push(doc._id);
            const home = doc.home as LatLng;
            if (distanceMeters(query.center, home) <= query.radiusM) fitting.push({ doc, home });
          }
          read += batch.length;
          if (batch.length < GEO_BATCH) break;
        }
        return fitting;
      };
      // The household links are asked for alongside the search: one round trip instead of two.
      const [fitting, links] = await Promise.all([nearby(), linking]);
      const linked = new Set(links.map((link) => String(link.memberId)));

      const candidates: DispatchCandidate[] = [];
      for (const { doc, home } of fitting) {
        const figures = loadFigures(loadOf(doc), query.since);
        if (figures.openTasks >= query.openTaskCap) continue;
        const memberSkills = new Set((doc.skills as string[] | undefined) ?? []);
        candidates.push({
          memberId: doc._id,
          name: String(doc.name ?? ''),
          gridId: (doc.gridId as string | null | undefined) ?? null,
          home,
          // Only the skills this request asked for matter to ranking.
          skills: query.skills.filter((skill) => memberSkills.has(skill)),
          ...figures,
          linkedToHousehold: linked.has(doc._id),
        });
      }
      return candidates;
    },
  };
}
