import type Database from 'better-sqlite3';
import type { CommunitySettings } from '../../../shared/domain/community-settings';
import { OPEN_STATES } from '../../../shared/domain/request-state';
import type { BuildingRecord, CentralHouseholdRecord, CommunityRecord, CommunityRepo, GridRecord, HouseholdRecord } from '../../ports';
import { afterCursor, toPage } from './paging';
import { num, str, strOrNull, type Row } from './rows';
import { escapeLike } from './users-repo';

function toCommunity(row: Row): CommunityRecord {
  return {
    id: str(row.id),
    districtId: str(row.district_id),
    name: str(row.name),
    center: { lat: num(row.center_lat), lng: num(row.center_lng) },
    dispatchPolicy: row.dispatch_policy ? JSON.parse(str(row.dispatch_policy)) : null,
    earningRules: row.earning_rules ? JSON.parse(str(row.earning_rules)) : null,
    settings: row.settings ? JSON.parse(str(row.settings)) : null,
    createdAt: num(row.created_at),
  };
}

const toGrid = (row: Row): GridRecord => ({ id: str(row.id), communityId: str(row.community_id), name: str(row.name) });
const toBuilding = (row: Row): BuildingRecord => ({ id: str(row.id), communityId: str(row.community_id), gridId: strOrNull(row.grid_id), name: str(row.name) });
const toHousehold = (row: Row): HouseholdRecord => ({
  id: str(row.id),
  communityId: str(row.community_id),
  gridId: strOrNull(row.grid_id),
  buildingId: strOrNull(row.building_id),
  address: str(row.address),
});

export function createCommunityRepo(db: Database.Database): CommunityRepo {
  const community = db.prepare('SELECT * FROM communities WHERE id = ?');
  const inDistrict = db.prepare('SELECT * FROM communities WHERE district_id = ? ORDER BY name LIMIT 500');
  const grid = db.prepare('SELECT * FROM grids WHERE id = ?');
  const grids = db.prepare('SELECT * FROM grids WHERE community_id = ? ORDER BY name LIMIT 200');
  const building = db.prepare('SELECT * FROM buildings WHERE id = ?');
  const household = db.prepare('SELECT * FROM households WHERE id = ?');
  const householdByAddress = db.prepare('SELECT * FROM households WHERE building_id = ? AND address = ?');
  const central = db.prepare('SELECT * FROM central_households WHERE id = ?');
  const centralMembers = db.prepare('SELECT member_id FROM central_household_members WHERE central_household_id = ? ORDER BY member_id');

  const withMembers = (row: Row): CentralHouseholdRecord => ({
    id: str(row.id),
    communityId: str(row.community_id),
    gridId: strOrNull(row.grid_id),
    name: str(row.name),
    householdId: strOrNull(row.household_id),
    memberIds: (centralMembers.all(row.id) as Row[]).map((member) => str(member.member_id)),
    createdAt: num(row.created_at),
  });

  return {
    async get(id) {
      const row = community.get(id) as Row | undefined;
      return row ? toCommunity(row) : null;
    },
    async listInDistrict(districtId) {
      return (inDistrict.all(districtId) as Row[]).map(toCommunity);
    },
    async insert(record) {
      db.prepare(
        `INSERT INTO communities (id, district_id, name, center_lat, center_lng, dispatch_policy, settings, earning_rules, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        record.id,
        record.districtId,
        record.name,
        record.center.lat,
        record.center.lng,
        record.dispatchPolicy ? JSON.stringify(record.dispatchPolicy) : null,
        record.settings ? JSON.stringify(record.settings) : null,
        record.earningRules ? JSON.stringify(record.earningRules) : null,
        record.createdAt,
      );
    },
    async saveSettings(id, settings: CommunitySettings) {
      db.prepare('UPDATE communities SET settings = ? WHERE id = ?').run(JSON.stringify(settings), id);
    },
    async saveDispatchPolicy(id, policy) {
      db.prepare('UPDATE communities SET dispatch_policy = ? WHERE id = ?').run(JSON.stringify(policy), id);
    },
    async saveEarningRules(id, rules) {
      db.prepare('UPDATE communities SET earning_rules = ? WHERE id = ?').run(JSON.stringify(rules), id);
    },
    async getGrid(id) {
      const row = grid.get(id) as Row | undefined;
      return row ? toGrid(row) : null;
    },
    async listGrids(communityId) {
      return (grids.all(communityId) as Row[]).map(toGrid);
    },
    async insertGrid(record) {
      db.prepare('INSERT INTO grids (id, community_id, name) VALUES (?, ?, ?)').run(record.id, record.communityId, record.name);
    },
    async getBuilding(id) {
      const row = building.get(id) as Row | undefined;
      return row ? toBuilding(row) : null;
    },
    async listBuildings(communityId, gridId) {
      const rows = gridId
        ? db.prepare('SELECT * FROM buildings WHERE community_id = ? AND grid_id = ? ORDER BY name LIMIT 500').all(communityId, gridId)
        : db.prepare('SELECT * FROM buildings WHERE community_id = ? ORDER BY name LIMIT 500').all(communityId);
      return (rows as Row[]).map(toBuilding);
    },
    async insertBuilding(record) {
      db.prepare('INSERT INTO buildings (id, community_id, grid_id, name) VALUES (?, ?, ?, ?)').run(record.id, record.communityId, record.gridId, record.name);
    },
    async getHousehold(id) {
      const row = household.get(id) as Row | undefined;
      return row ? toHousehold(row) : null;
    },
    async findHousehold(buildingId, address) {
      const row = householdByAddress.get(buildingId, address) as Row | undefined;
      return row ? toHousehold(row) : null;
    },
    async listHouseholds(communityId, filter, page) {
      // Households have no creation time; page on (rowid-ordered) address within the community instead.
      const clauses = ['community_id = ?'];
      const params: (string | number)[] = [communityId];
      if (filter.buildingId) {
        clauses.push('building_id = ?');
        params.push(filter.buildingId);
      }
      if (filter.keyword) {
        clauses.push(`address LIKE ? ESCAPE '\\'`);
        params.push(`%${escapeLike(filter.keyword)}%`);
      }
      const after = afterCursor(page.cursor, 'rowid', 'id');
      const rows = db
        .prepare(`SELECT rowid, * FROM households WHERE ${clauses.join(' AND ')} AND ${after.sql} ORDER BY rowid DESC, id DESC LIMIT ?`)
        .all(...params, ...after.params, page.limit + 1) as Row[];
      const keyed = rows.map((row) => ({ record: toHousehold(row), rowid: num(row.rowid) }));
      const result = toPage(keyed, page, (item) => ({ createdAt: item.rowid, id: item.record.id }));
      return { items: result.items.map((item) => item.record), nextCursor: result.nextCursor };
    },
    async insertHousehold(record) {
      db.prepare('INSERT INTO households (id, community_id, grid_id, building_id, address) VALUES (?, ?, ?, ?, ?)').run(
        record.id,
        record.communityId,
        record.gridId,
        record.buildingId,
        record.address,
      );
    },
    async counts(communityId) {
      const tally = (sql: string) =>
        Object.fromEntries((db.prepare(sql).all(communityId) as Row[]).filter((row) => row.k !== null).map((row) => [str(row.k), num(row.n)]));
      return {
        buildingsByGrid: tally('SELECT grid_id AS k, COUNT(*) AS n FROM buildings WHERE community_id = ? GROUP BY grid_id'),
        membersByGrid: tally(`SELECT grid_id AS k, COUNT(*) AS n FROM members WHERE community_id = ? AND status = 'approved' GROUP BY grid_id`),
        householdsByBuilding: tally('SELECT building_id AS k, COUNT(*) AS n FROM households WHERE community_id = ? GROUP BY building_id'),
      };
    },
    async getCentralHousehold(id) {
      const row = central.get(id) as Row | undefined;
      return row ? withMembers(row) : null;
    },
    async listCentralHouseholds(communityId, page) {
      const after = afterCursor(page.cursor);
      const rows = db
        .prepare(`SELECT * FROM central_households WHERE community_id = ? AND ${after.sql} ORDER BY created_at DESC, id DESC LIMIT ?`)
        .all(communityId, ...after.params, page.limit + 1) as Row[];
      return toPage(rows.map(withMembers), page, (record) => ({ createdAt: record.createdAt, id: record.id }));
    },
    async saveCentralHousehold(record) {
      db.prepare(
        `INSERT INTO central_households (id, community_id, grid_id, name, household_id, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET grid_id = excluded.grid_id, name = excluded.name, household_id = excluded.household_id`,
      ).run(record.id, record.communityId, record.gridId, record.name, record.householdId, record.createdAt);
      db.prepare('DELETE FROM central_household_members WHERE central_household_id = ?').run(record.id);
      const link = db.prepare('INSERT INTO central_household_members (central_household_id, member_id) VALUES (?, ?)');
      for (const memberId of record.memberIds) link.run(record.id, memberId);
    },
    async districtSummaries(districtId) {
      const rows = db
        .prepare(
          `SELECT c.id, c.name,
             (SELECT COUNT(*) FROM grids g WHERE g.community_id = c.id) AS grids,
             (SELECT COUNT(*) FROM members m WHERE m.community_id = c.id AND m.status = 'approved') AS members,
             (SELECT COUNT(*) FROM users u WHERE u.community_id = c.id AND EXISTS (SELECT 1 FROM json_each(u.roles) WHERE value = 'resident')) AS residents,
             (SELECT COUNT(*) FROM requests r WHERE r.community_id = c.id AND r.state IN (${OPEN_STATES.map(() => '?').join(', ')})) AS open_requests
           FROM communities c WHERE c.district_id = ? ORDER BY c.name LIMIT 500`,
        )
        .all(...OPEN_STATES, districtId) as Row[];
      return rows.map((row) => ({ id: str(row.id), name: str(row.name), grids: num(row.grids), members: num(row.members), residents: num(row.residents), openRequests: num(row.open_requests) }));
    },
    async centralHouseholdsOf(memberIds) {
      if (memberIds.length === 0) return {};
      const rows = db
        .prepare(`SELECT member_id, central_household_id FROM central_household_members WHERE member_id IN (${memberIds.map(() => '?').join(', ')})`)
        .all(...memberIds) as Row[];
      return Object.fromEntries(rows.map((row) => [str(row.member_id), str(row.central_household_id)]));
    },
  };
}
