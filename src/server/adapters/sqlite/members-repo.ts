import type Database from 'better-sqlite3';
import { boundingBox, distanceMeters } from '../../../shared/domain/geo';
import type { DispatchCandidate } from '../../../shared/domain/dispatch-ranking';
import type { CandidateQuery, MemberRepo } from '../../ports';
import { toMember, type Row } from './rows';

export function createMemberRepo(db: Database.Database): MemberRepo {
  const byUser = db.prepare('SELECT * FROM members WHERE user_id = ?');
  // The R*Tree narrows to the bounding box; exact distance, skills and exclusions are checked below.
  const nearby = db.prepare(`
    SELECT m.user_id, m.grid_id, m.skills, m.home_lat, m.home_lng, u.name,
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
  return {
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
