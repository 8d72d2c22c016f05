import type Database from 'better-sqlite3';
import { boundingBox, distanceMeters } from '../../../shared/domain/geo';
import type { DispatchCandidate } from '../../../shared/domain/dispatch-ranking';
import type { CandidateQuery, MemberRecord, MemberRepo } from '../../ports';
import { afterCursor, toPage } from './paging';
import { cellRanges, memberIndexWriter } from './member-cells';
import { str, toMember, type Row } from './rows';
import { escapeLike } from './users-repo';

/** user_id, grid_id, bit mask of the asked-for skills the member has, lat, lng, name */
type CellRow = [string, string | null, number, number, number, string];

export function createMemberRepo(db: Database.Database): MemberRepo {
  const byUser = db.prepare('SELECT * FROM members WHERE user_id = ?');
  // The cell index returns eligible members in the box's cells whose skills and hours fit (text
  // checks on the stored JSON, quotes included so one skill never matches inside another); exact
  // distance is checked here, and only the survivors get their load figures, in one grouped query.
  const inCellsByShape = new Map<string, Database.Statement>();
  const inCells = (skillCount: number, rangeCount: number) => {
    if (skillCount > 20) throw new Error('a dispatch may ask for at most 20 skills');
    const shape = `${skillCount}/${rangeCount}`;
    let statement = inCellsByShape.get(shape);
    if (!statement) {
      // Bit i of `matched` says the member has the i-th skill asked for; a member must have at least one.
      const matched = skillCount === 0 ? '0' : Array.from({ length: skillCount }, (_, index) => `((instr(skills, @skill${index}) > 0) << ${index})`).join(' | ');
      // One key range per latitude band, each an index search, in one statement (a wide search has a dozen).
      const band = (index: number) => `
        SELECT user_id, grid_id, ${matched} AS matched, lat, lng, name FROM member_cells
        WHERE community_id = @community AND cell BETWEEN @from${index} AND @to${index} AND lat BETWEEN @minLat AND @maxLat AND lng BETWEEN @minLng AND @maxLng
          AND (@urgent = 1 OR available_hours = '[]' OR instr(available_hours, @period) > 0) AND (${skillCount} = 0 OR matched > 0)`;
      statement = db.prepare(Array.from({ length: rangeCount }, (_, index) => band(index)).join('\n        UNION ALL'));
      // Arrays instead of row objects: a city-scale search reads hundreds of rows per dispatch.
      statement.raw(true);
      inCellsByShape.set(shape, statement);
    }
    return statement;
  };
  const linkedTo = db.prepare('SELECT member_id FROM member_households WHERE household_id = ?');
  const loadsOf = db.prepare(
    `SELECT assignee_id, SUM(state = 'accepted') AS open_tasks, SUM(accepted_at >= ?) AS recent_tasks, AVG(rating_stars) AS avg_rating
     FROM requests WHERE assignee_id IN (SELECT value FROM json_each(?)) GROUP BY assignee_id`,
  );
  const insertMember = db.prepare(`INSERT INTO members (user_id, community_id, grid_id, kind, work_unit, skills, available_hours, posts, status, on_leave,
      home_lat, home_lng, review_note, applied_at, reviewed_at, reviewed_by)
    VALUES (@userId, @communityId, @gridId, @kind, @workUnit, @skills, @availableHours, @posts, @status, @onLeave, @homeLat, @homeLng, @reviewNote, @appliedAt, @reviewedAt, @reviewedBy)
    ON CONFLICT (user_id) DO UPDATE SET community_id = excluded.community_id, grid_id = excluded.grid_id, kind = excluded.kind, work_unit = excluded.work_unit,
      skills = excluded.skills, available_hours = excluded.available_hours, posts = excluded.posts, status = excluded.status, on_leave = excluded.on_leave,
      home_lat = excluded.home_lat, home_lng = excluded.home_lng, review_note = excluded.review_note, applied_at = excluded.applied_at,
      reviewed_at = excluded.reviewed_at, reviewed_by = excluded.reviewed_by`);
  const reindex = memberIndexWriter(db);
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
      reindex(member.userId);
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
    async remove(userId) {
      db.prepare('DELETE FROM member_households WHERE member_id = ?').run(userId);
      db.prepare('DELETE FROM members WHERE user_id = ?').run(userId);
      reindex(userId);
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
      const ranges = cellRanges(box);
      const params: Record<string, string | number> = { community: query.communityId, ...box, urgent: query.urgent ? 1 : 0, period: JSON.stringify(query.period) };
      query.skills.forEach((skill, index) => (params[`skill${index}`] = JSON.stringify(skill)));
      ranges.forEach(({ from, to }, index) => {
        params[`from${index}`] = from;
        params[`to${index}`] = to;
      });
      const rows = inCells(query.skills.length, ranges.length).all(params) as CellRow[];
      const excluded = new Set(query.excludeMemberIds);
      const fitting: Omit<DispatchCandidate, 'openTasks' | 'tasksLast30Days' | 'averageRating' | 'linkedToHousehold'>[] = [];
      for (const [memberId, gridId, matched, lat, lng, name] of rows) {
        if (excluded.has(memberId)) continue;
        const home = { lat, lng };
        if (distanceMeters(query.center, home) > query.radiusM) continue;
        // Only the skills this request asked for matter to ranking.
        const skills = query.skills.filter((_, index) => (matched & (1 << index)) !== 0);
        fitting.push({ memberId, name, gridId, home, skills });
      }
      if (fitting.length === 0) return [];

      const ids = JSON.stringify(fitting.map((member) => member.memberId));
      const loads = new Map((loadsOf.all(query.since, ids) as Row[]).map((row) => [String(row.assignee_id), row]));
      const linked = new Set(query.householdId ? (linkedTo.all(query.householdId) as Row[]).map((row) => String(row.member_id)) : []);
      const candidates: DispatchCandidate[] = [];
      for (const member of fitting) {
        const load = loads.get(member.memberId);
        const openTasks = Number(load?.open_tasks ?? 0);
        if (openTasks >= query.openTaskCap) continue;
        // Properties spelled out: spreading here cost a third of the search and most of its garbage.
        candidates.push({
          memberId: member.memberId,
          name: member.name,
          gridId: member.gridId,
          home: member.home,
          skills: member.skills,
          openTasks,
          tasksLast30Days: Number(load?.recent_tasks ?? 0),
          averageRating: load?.avg_rating === null || load?.avg_rating === undefined ? null : Number(load.avg_rating),
          linkedToHousehold: linked.has(member.memberId),
        });
      }
      return candidates;
    },
  };
}

