import { createHash } from 'node:crypto';
import { OPEN_STATES } from '../../../shared/domain/request-state';
import type { BuildingRecord, CentralHouseholdRecord, CommunityRecord, CommunityRepo, GridRecord, HouseholdRecord, StructureCounts } from '../../ports';
import type { Doc, DocDb, Where } from './doc-db';
import type { StoreSession } from './session-cache';
import { compositeId, toDoc } from './doc-db';
import { findPage, scanPage } from './paging';
import { MEMBERS, USERS } from './users-repo';
import { binaryCompare } from './binary-compare';
import { containsFolded, keywordTerms, searchTerms } from './keyword-terms';
import { mapLimit } from '../../../shared/map-limit';

/*
 * Collections written here (every `_id` is the record's id unless said otherwise):
 *   communities                 CommunityRecord.
 *   grids                       GridRecord.
 *   buildings                   BuildingRecord + `householdCount` (kept by insertHousehold, for `counts`).
 *   households                  HouseholdRecord + `seq` (insertion order per community, the paging key
 *                               SQLite takes from its rowid) + `searchTerms` (address pieces).
 *   households_by_address       `_id` = building id ':' sha1(address) → `{ householdId }`: `findHousehold`
 *                               reads it by id, so a check-then-insert in one transaction is race-free.
 *   structure_counters          `_id` = 'households:' community id → `{ value }`, the last `seq` given.
 *   central_households          CentralHouseholdRecord (memberIds sorted).
 *   central_household_members   `_id` = member id → `{ memberId, centralHouseholdId }`: one per member,
 *                               as SQLite's unique index on member_id.
 * Counts over other areas' collections: `members` (status, gridId), `users` (roles) and `requests`
 * (communityId, state), through `db.count`.
 */

export const COMMUNITIES = 'communities';
export const GRIDS = 'grids';
export const BUILDINGS = 'buildings';
export const HOUSEHOLDS = 'households';
export const HOUSEHOLDS_BY_ADDRESS = 'households_by_address';
export const STRUCTURE_COUNTERS = 'structure_counters';
export const CENTRAL_HOUSEHOLDS = 'central_households';
export const CENTRAL_HOUSEHOLD_MEMBERS = 'central_household_members';
const REQUESTS = 'requests';

/** Queries fanned out at once by counts and districtSummaries. */
const FAN_OUT = 10;

const stringOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

function toCommunity(doc: Doc): CommunityRecord {
  return {
    id: String(doc.id),
    districtId: String(doc.districtId),
    name: String(doc.name),
    center: doc.center as CommunityRecord['center'],
    dispatchPolicy: (doc.dispatchPolicy as CommunityRecord['dispatchPolicy'] | undefined) ?? null,
    settings: (doc.settings as CommunityRecord['settings'] | undefined) ?? null,
    earningRules: (doc.earningRules as CommunityRecord['earningRules'] | undefined) ?? null,
    createdAt: Number(doc.createdAt),
  };
}

const toGrid = (doc: Doc): GridRecord => ({ id: String(doc.id), communityId: String(doc.communityId), name: String(doc.name) });
const toBuilding = (doc: Doc): BuildingRecord => ({ id: String(doc.id), communityId: String(doc.communityId), gridId: stringOrNull(doc.gridId), name: String(doc.name) });
const toHousehold = (doc: Doc): HouseholdRecord => ({
  id: String(doc.id),
  communityId: String(doc.communityId),
  gridId: stringOrNull(doc.gridId),
  buildingId: stringOrNull(doc.buildingId),
  address: String(doc.address),
});
const toCentral = (doc: Doc): CentralHouseholdRecord => ({
  id: String(doc.id),
  communityId: String(doc.communityId),
  gridId: stringOrNull(doc.gridId),
  name: String(doc.name),
  householdId: stringOrNull(doc.householdId),
  memberIds: [...((doc.memberIds as string[] | undefined) ?? [])],
  createdAt: Number(doc.createdAt),
});

/** Any address fits in a document id this way (ids are ASCII, the address may be anything). */
function addressKey(buildingId: string, address: string): string {
  return compositeId(buildingId, createHash('sha1').update(address).digest('hex'));
}

export function createCommunityRepo(db: DocDb, session: StoreSession): CommunityRepo {
  const read = async <T>(collection: string, id: string, to: (doc: Doc) => T): Promise<T | null> => {
    const doc = await session.get(collection, id);
    return doc ? to(doc) : null;
  };
  const insertNew = async (collection: string, doc: Doc) => {
    await session.create(collection, doc, `UNIQUE constraint failed: ${collection}.id (${doc._id})`);
  };
  /** Replaces one field by rewriting the document (a partial update would merge into the old object). */
  const replaceField = async (id: string, field: 'settings' | 'dispatchPolicy' | 'earningRules', value: object) => {
    const doc = await session.get(COMMUNITIES, id);
    if (doc) await session.set(COMMUNITIES, { ...doc, [field]: value });
  };

  return {
    get: (id) => read(COMMUNITIES, id, toCommunity),
    async insert(community) {
      await insertNew(COMMUNITIES, toDoc(community.id, community));
    },
    async listInDistrict(districtId) {
      const docs = await db.find(COMMUNITIES, { districtId }, { orderBy: [{ field: 'name', direction: 'asc' }, { field: 'id', direction: 'asc' }], limit: 500 });
      return docs.map(toCommunity);
    },
    saveSettings: (id, settings) => replaceField(id, 'settings', settings),
    saveDispatchPolicy: (id, policy) => replaceField(id, 'dispatchPolicy', policy),
    saveEarningRules: (id, rules) => replaceField(id, 'earningRules', rules),

    getGrid: (id) => read(GRIDS, id, toGrid),
    async listGrids(communityId) {
      const docs = await db.find(GRIDS, { communityId }, { orderBy: [{ field: 'name', direction: 'asc' }, { field: 'id', direction: 'asc' }], limit: 200 });
      return docs.map(toGrid);
    },
    async insertGrid(grid) {
      await insertNew(GRIDS, toDoc(grid.id, grid));
    },

    getBuilding: (id) => read(BUILDINGS, id, toBuilding),
    async listBuildings(communityId, gridId) {
      const where: Where = { communityId, gridId: gridId || undefined };
      const docs = await db.find(BUILDINGS, where, { orderBy: [{ field: 'name', direction: 'asc' }, { field: 'id', direction: 'asc' }], limit: 500 });
      return docs.map(toBuilding);
    },
    async insertBuilding(building) {
      await insertNew(BUILDINGS, { ...toDoc(building.id, building), householdCount: 0 });
    },

    getHousehold: (id) => read(HOUSEHOLDS, id, toHousehold),
    async findHousehold(buildingId, address) {
      const key = await session.get(HOUSEHOLDS_BY_ADDRESS, addressKey(buildingId, address));
      return key ? read(HOUSEHOLDS, String(key.householdId), toHousehold) : null;
    },
    async listHouseholds(communityId, filter, page) {
      // Newest first by insertion (`seq`), like SQLite's rowid; the cursor is `seq~id`.
      const keys = { createdAt: 'seq', id: 'id' };
      const where: Where = { communityId, buildingId: filter.buildingId || undefined };
      const keyword = filter.keyword;
      const result = keyword
        ? await scanPage(db, HOUSEHOLDS, { ...where, searchTerms: { in: keywordTerms(keyword, { prefix: false, contains: true }) } }, page, (doc) => containsFolded(String(doc.address), keyword), keys)
        : await findPage(db, HOUSEHOLDS, where, page, keys);
      return { items: result.items.map(toHousehold), nextCursor: result.nextCursor };
    },
    async insertHousehold(household) {
      if (await session.get(HOUSEHOLDS, household.id)) throw new Error(`UNIQUE constraint failed: households.id (${household.id})`);
      const counterId = `households:${household.communityId}`;
      const counter = await session.get(STRUCTURE_COUNTERS, counterId);
      const seq = Number(counter?.value ?? 0) + 1;
      await session.set(STRUCTURE_COUNTERS, { _id: counterId, value: seq });
      await session.set(HOUSEHOLDS, { ...toDoc(household.id, household), seq, searchTerms: searchTerms({ prefix: [], contains: [household.address] }) });
      if (household.buildingId) {
        // The first household at an address is the one `findHousehold` answers (SQLite does not refuse a second either).
        const keyId = addressKey(household.buildingId, household.address);
        if (!(await session.get(HOUSEHOLDS_BY_ADDRESS, keyId))) await session.set(HOUSEHOLDS_BY_ADDRESS, { _id: keyId, householdId: household.id });
        const building = await session.get(BUILDINGS, household.buildingId);
        if (building) await session.update(BUILDINGS, building._id, { householdCount: Number(building.householdCount ?? 0) + 1 });
      }
    },

    async counts(communityId): Promise<StructureCounts> {
      // Grids are few: two counts each. Buildings can be hundreds: each keeps its household count.
      const grids = await db.find(GRIDS, { communityId }, { limit: 1000, fields: ['id'] });
      const buildings = await db.find(BUILDINGS, { communityId, householdCount: { gt: 0 } }, { limit: 5000, fields: ['id', 'householdCount'] });
      const perGrid = await mapLimit(grids, FAN_OUT, async (grid) => ({
        id: grid._id,
        buildings: await db.count(BUILDINGS, { communityId, gridId: grid._id }),
        members: await db.count(MEMBERS, { communityId, status: 'approved', gridId: grid._id }),
      }));
      const positive = (entries: [string, number][]) => Object.fromEntries(entries.filter(([, count]) => count > 0));
      return {
        buildingsByGrid: positive(perGrid.map((grid) => [grid.id, grid.buildings])),
        membersByGrid: positive(perGrid.map((grid) => [grid.id, grid.members])),
        householdsByBuilding: positive(buildings.map((building) => [building._id, Number(building.householdCount)])),
      };
    },

    getCentralHousehold: (id) => read(CENTRAL_HOUSEHOLDS, id, toCentral),
    async listCentralHouseholds(communityId, page) {
      const result = await findPage(db, CENTRAL_HOUSEHOLDS, { communityId }, page);
      return { items: result.items.map(toCentral), nextCursor: result.nextCursor };
    },
    async saveCentralHousehold(record) {
      const existingDoc = await session.get(CENTRAL_HOUSEHOLDS, record.id);
      const existing = existingDoc ? toCentral(existingDoc) : null;
      const memberIds = [...new Set(record.memberIds)].sort(binaryCompare);
      // Each member belongs to one central household at most (SQLite: a unique index, which throws).
      const links = await Promise.all(memberIds.map((memberId) => session.get(CENTRAL_HOUSEHOLD_MEMBERS, memberId)));
      links.forEach((link, index) => {
        if (link && link.centralHouseholdId !== record.id) throw new Error(`UNIQUE constraint failed: central_household_members.member_id (${memberIds[index]})`);
      });
      for (const memberId of existing?.memberIds ?? []) {
        if (!memberIds.includes(memberId)) await session.remove(CENTRAL_HOUSEHOLD_MEMBERS, memberId);
      }
      for (const memberId of memberIds) {
        if (!existing?.memberIds.includes(memberId)) await session.set(CENTRAL_HOUSEHOLD_MEMBERS, { _id: memberId, memberId, centralHouseholdId: record.id });
      }
      // An edit keeps the community and creation time, as SQLite's upsert does.
      const saved: CentralHouseholdRecord = { ...record, memberIds, communityId: existing?.communityId ?? record.communityId, createdAt: existing?.createdAt ?? record.createdAt };
      await session.set(CENTRAL_HOUSEHOLDS, toDoc(saved.id, saved));
    },
    async districtSummaries(districtId) {
      const communities = await db.find(COMMUNITIES, { districtId }, { orderBy: [{ field: 'name', direction: 'asc' }, { field: 'id', direction: 'asc' }], limit: 500, fields: ['id', 'name'] });
      // Four counts per community, never a scan.
      return mapLimit(communities, FAN_OUT, async (community) => {
        const communityId = community._id;
        const [grids, members, residents, openRequests] = await Promise.all([
          db.count(GRIDS, { communityId }),
          db.count(MEMBERS, { communityId, status: 'approved' }),
          db.count(USERS, { communityId, roles: 'resident' }),
          db.count(REQUESTS, { communityId, state: { in: OPEN_STATES } }),
        ]);
        return { id: communityId, name: String(community.name), grids, members, residents, openRequests };
      });
    },
    async centralHouseholdsOf(memberIds) {
      // Read by id, so links saved earlier in the same transaction count.
      const result: Record<string, string> = {};
      for (const memberId of new Set(memberIds)) {
        const link = await session.get(CENTRAL_HOUSEHOLD_MEMBERS, memberId);
        if (link) result[memberId] = String(link.centralHouseholdId);
      }
      return result;
    },
  };
}
