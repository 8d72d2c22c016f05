import type Database from 'better-sqlite3';
import { isAvailable } from '../../../shared/domain/availability';
import { boundingBox, distanceMeters } from '../../../shared/domain/geo';
import type { DispatchCandidate } from '../../../shared/domain/dispatch-ranking';
import type { CandidateQuery, MemberRecord, MemberRepo } from '../../ports';
import { afterCursor, toPage } from './paging';
import { str, toMember, type Row } from './rows';
import { escapeLike } from './users-repo';

export function createMemberRepo(db: Database.Database): MemberRepo {
  const byUser = db.prepare('SELECT * FROM members WHERE user_id = ?');
  // The R*Tree narrows to the bounding box; exact distance, skills and exclusions are checked below.
  const nearby = db.prepare(`
    SELECT m.user_id, m.grid_id, m.skills, m.available_hours, m.home_lat, m.home_lng, u.name,
      (SELECT COUNT(*) FROM requests r WHERE r.assignee_id = m.user_id AND r.state = 'accepted') AS open_tasks,
      (SELECT COUNT(*) FROM requests r WHERE r.assignee_id = m.user_id AND r.accepted_at >= @since) AS recent_tasks,
      (SELECT AVG(r.rating_stars) FROM requests r WHERE r.assignee_id = m.user_id AND r.rating_stars IS NOT NULL) AS avg_rating,
      EXISTS (SELECT 1 FROM member_households mh WHERE mh.member_id = m.user_id AND mh.household_id = @household) AS linked
    FROM member_locations loc
    JOIN members m ON m.rowid = loc.id
    JOIN users u ON u.id = m.user_id
    WHERE loc.min_lat >= @minLat AND loc.max_lat <= @maxLat AND loc.min_lng >= @minLng AND loc.max_lng <= @maxLng
      AND m.community_id = @community AND m.status = 'approved' AND m.on_leave = 0
  `);
  const insertMember = db.prepare(`INSERT INTO members (user_id, community_id, grid_id, kind, work_unit, skills, available_hours, posts, status, on_leave,
      home_lat, home_lng, review_note, applied_at, reviewed_at, reviewed_by)
    VALUES (@userId, @communityId, @gridId, @kind, @workUnit, @skills, @availableHours, @posts, @status, @onLeave, @homeLat, @homeLng, @reviewNote, @appliedAt, @reviewedAt, @reviewedBy)
    ON CONFLICT (user_id) DO UPDATE SET community_id = excluded.community_id, grid_id = excluded.grid_id, kind = excluded.kind, work_unit = excluded.work_unit,
      skills = excluded.skills, available_hours = excluded.available_hours, posts = excluded.posts, status = excluded.status, on_leave = excluded.on_leave,
      home_lat = excluded.home_lat, home_lng = excluded.home_lng, review_note = excluded.review_note, applied_at = excluded.applied_at,
      reviewed_at = excluded.reviewed_at, reviewed_by = excluded.reviewed_by`);
  const rowidOf = db.prepare('SELECT rowid FROM members WHERE user_id = ?');
  const placeInIndex = db.prepare('INSERT OR REPLACE INTO member_locations (id, min_lat, max_lat, min_lng, max_lng) VALUES (?, ?, ?, ?, ?)');
  const linked = db.prepare('SELECT household_id FROM member_households WHERE member_id = ? ORDER BY household_id');
  const keyOf = (member: MemberRecord) => ({ createdAt: member.appliedAt, id: member.userId });

  return {
    async save(member) {
      insertMember.run({
        ...member,
        skills: JSON.stringify(member.skills),
        availableHours: JSON.stringify(member.availableHours),
        posts: JSON.stringify(member.posts),
        onLeave: member.onLeave ? 1 : 0,
        homeLat: member.home.lat,
        homeLng: member.home.lng,
      });
      const { rowid } = rowidOf.get(member.userId) as { rowid: number };
      placeInIndex.run(rowid, member.home.lat, member.home.lat, member.home.lng, member.home.lng);
    },
    async list(communityId, filter, page) {
      const after = afterCursor(page.cursor, 'm.applied_at', 'm.user_id');
      const clauses = ['m.community_id = ?', 'm.status = ?', after.sql];
      const params: (string | number)[] = [communityId, filter.status, ...after.params];
      if (filter.gridId) {
        clauses.push('m.grid_id = ?');
        params.push(filter.gridId);
      }
      if (filter.keyword) {
        const keyword = escapeLike(filter.keyword);
        clauses.push(`(u.name LIKE ? ESCAPE '\\' OR u.phone LIKE ? ESCAPE '\\' OR m.skills LIKE ? ESCAPE '\\' OR m.work_unit LIKE ? ESCAPE '\\')`);
        params.push(`${keyword}%`, `${keyword}%`, `%${keyword}%`, `%${keyword}%`);
      }
      const rows = db
        .prepare(`SELECT m.* FROM members m JOIN users u ON u.id = m.user_id WHERE ${clauses.join(' AND ')} ORDER BY m.applied_at DESC, m.user_id DESC LIMIT ?`)
        .all(...params, page.limit + 1) as Row[];
      return toPage(rows.map(toMember), page, keyOf);
    },
    async linkedHouseholdIds(memberId) {
      return (linked.all(memberId) as Row[]).map((row) => str(row.household_id));
    },
    async setLinkedHouseholds(memberId, householdIds) {
      db.prepare('DELETE FROM member_households WHERE member_id = ?').run(memberId);
      const link = db.prepare('INSERT INTO member_households (member_id, household_id) VALUES (?, ?)');
      for (const householdId of new Set(householdIds)) link.run(memberId, householdId);
    },
    async householdPeople(householdIds) {
      const result: Record<string, { members: string[]; residents: string[] }> = {};
      if (householdIds.length === 0) return result;
      const marks = householdIds.map(() => '?').join(', ');
      for (const id of householdIds) result[id] = { members: [], residents: [] };
      const members = db
        .prepare(`SELECT mh.household_id, u.name FROM member_households mh JOIN users u ON u.id = mh.member_id WHERE mh.household_id IN (${marks}) ORDER BY u.name`)
        .all(...householdIds) as Row[];
      for (const row of members) result[str(row.household_id)].members.push(str(row.name));
      const residents = db.prepare(`SELECT household_id, name FROM users WHERE household_id IN (${marks}) ORDER BY name`).all(...householdIds) as Row[];
      for (const row of residents) result[str(row.household_id)].residents.push(str(row.name));
      return result;
    },
    async get(userId) {
      const row = byUser.get(userId) as Row | undefined;
      return row ? toMember(row) : null;
    },
    async findCandidates(query: CandidateQuery): Promise<DispatchCandidate[]> {
      const box = boundingBox(query.center, query.radiusM);
      const rows = nearby.all({
        ...box,
        community: query.communityId,
        since: query.since,
        household: query.householdId ?? '',
      }) as Row[];
      const excluded = new Set(query.excludeMemberIds);
      const candidates: DispatchCandidate[] = [];
      for (const row of rows) {
        const memberId = String(row.user_id);
        const skills = JSON.parse(String(row.skills)) as string[];
        const home = { lat: Number(row.home_lat), lng: Number(row.home_lng) };
        if (excluded.has(memberId)) continue;
        if (Number(row.open_tasks) >= query.openTaskCap) continue;
        if (query.skills.length > 0 && !query.skills.some((skill) => skills.includes(skill))) continue;
        if (!isAvailable(JSON.parse(String(row.available_hours)) as string[], query.period, query.urgent)) continue;
        if (distanceMeters(query.center, home) > query.radiusM) continue;
        candidates.push({
          memberId,
          name: String(row.name),
          gridId: row.grid_id === null ? null : String(row.grid_id),
          home,
          skills,
          openTasks: Number(row.open_tasks),
          tasksLast30Days: Number(row.recent_tasks),
          averageRating: row.avg_rating === null ? null : Number(row.avg_rating),
          linkedToHousehold: Number(row.linked) === 1,
        });
      }
      return candidates;
    },
  };
}
