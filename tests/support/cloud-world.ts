import type { ActionOf, FunctionName, InputOf, OutputOf } from '../../src/shared/contracts';
import { REQUEST_STATES } from '../../src/shared/domain/request-state';
import { readEveryPage } from '../../src/server/keyset-paging';
import { createCloudbaseStore } from '../../src/server/adapters/cloudbase/cloudbase-store';
import { HTTP_FUNCTIONS, SCHEDULER } from '../../src/server/host/mounted-functions';
import { setRuntime } from '../../src/server/runtime';
import type { MemberStatus, Store, Tx } from '../../src/server/ports';

const MEMBER_STATUSES: readonly MemberStatus[] = ['pending', 'approved', 'rejected'];
import type { Envelope } from '../../src/shared/errors';
import { CallCounter, countingDocDb, type CallFigures } from './counting-doc-db';
import { MemoryDocDb } from './memory-doc-db';
import { createTestWorld, type TestWorld } from './test-runtime';

/** Copies what the SQLite store holds for these communities into another store, through the ports only. */
export async function copyCommunities(from: Store, to: Store, communityIds: readonly string[]): Promise<void> {
  const write = (work: (tx: Tx) => Promise<void>) => to.read(work);
  for (const communityId of communityIds) {
    const snapshot = await from.read(async (tx) => {
      const community = await tx.communities.get(communityId);
      if (!community) throw new Error(`no community ${communityId}`);
      const members = (await Promise.all(MEMBER_STATUSES.map((status) => readEveryPage((page) => tx.members.list(communityId, { status }, page))))).flat();
      const shops = await tx.shops.listByCommunity(communityId);
      const requests = await readEveryPage((page) => tx.requests.listByCommunity(communityId, REQUEST_STATES, page));
      const accounts = (await tx.ledger.auditAccounts(communityId)).map((audit) => audit.account);
      return {
        community,
        grids: await tx.communities.listGrids(communityId),
        buildings: await tx.communities.listBuildings(communityId, null),
        households: await readEveryPage((page) => tx.communities.listHouseholds(communityId, {}, page)),
        centralHouseholds: await readEveryPage((page) => tx.communities.listCentralHouseholds(communityId, page)),
        users: await readEveryPage((page) => tx.users.search(communityId, {}, page)),
        members: await Promise.all(members.map(async (member) => ({ member, links: await tx.members.linkedHouseholdIds(member.userId) }))),
        shops: await Promise.all(shops.map(async (shop) => ({ shop, staff: await tx.shops.listStaff(shop.id), items: await tx.catalog.listByShop(shop.id, false) }))),
        servicePoints: await tx.servicePoints.listByCommunity(communityId),
        accounts,
        postings: (await Promise.all(accounts.map((account) => readEveryPage((page) => tx.ledger.listPostings(account.id, page))))).flat(),
        requests: await Promise.all(
          requests.map(async (request) => ({ request, offers: await tx.offers.listForRequest(request.id), events: await tx.events.listForRequest(request.id) })),
        ),
      };
    });
    await write(async (tx) => {
      await tx.communities.insert(snapshot.community);
      for (const grid of snapshot.grids) await tx.communities.insertGrid(grid);
      for (const building of snapshot.buildings) await tx.communities.insertBuilding(building);
      for (const household of snapshot.households) await tx.communities.insertHousehold(household);
      for (const user of snapshot.users) await tx.users.insert(user);
      for (const { member, links } of snapshot.members) {
        await tx.members.save(member);
        if (links.length > 0) await tx.members.setLinkedHouseholds(member.userId, links);
      }
      for (const central of snapshot.centralHouseholds) await tx.communities.saveCentralHousehold(central);
      for (const { shop, staff, items } of snapshot.shops) {
        await tx.shops.insert(shop);
        for (const person of staff) await tx.shops.addStaff(shop.id, person.id, shop.createdAt);
        for (const item of items) await tx.catalog.save(item);
      }
      for (const point of snapshot.servicePoints) await tx.servicePoints.save(point);
      for (const account of snapshot.accounts) {
        await tx.ledger.createAccount(account);
      }
      const posted = new Set<string>();
      for (const posting of snapshot.postings) {
        if (posted.has(posting.id)) continue;
        posted.add(posting.id);
        await tx.ledger.insertPosting(posting);
      }
      for (const { request, offers, events } of snapshot.requests) {
        await tx.requests.insert(request);
        if (offers.length > 0) await tx.offers.insertMany(offers);
        for (const event of events) await tx.events.append(event);
      }
    });
  }
}

export interface CloudWorld {
  /** The SQLite world it was copied from (its clock drives both). */
  local: TestWorld;
  counter: CallCounter;
  db: MemoryDocDb;
  call<F extends FunctionName, A extends ActionOf<F>>(fn: F, action: A, data: InputOf<F, A> | Record<string, unknown>, openid: string): Promise<Envelope<OutputOf<F, A>>>;
  ok<F extends FunctionName, A extends ActionOf<F>>(fn: F, action: A, data: InputOf<F, A>, openid: string): Promise<OutputOf<F, A>>;
  /** Calls an action and counts the database calls it made. */
  measure<F extends FunctionName, A extends ActionOf<F>>(fn: F, action: A, data: InputOf<F, A>, openid: string): Promise<{ data: OutputOf<F, A>; figures: CallFigures }>;
  measureTick(): Promise<{ envelope: Envelope<unknown>; figures: CallFigures }>;
  close(): void;
}

/**
 * The CloudBase store on its twin, every call counted, holding a copy of a seeded SQLite world
 * (the demo community by default); functions run against it exactly as in production.
 */
export async function createCloudWorld(seed: (world: TestWorld) => void | Promise<void>, communityIds: readonly string[]): Promise<CloudWorld> {
  const local = createTestWorld();
  await seed(local);
  const db = new MemoryDocDb();
  const counter = new CallCounter();
  const store = createCloudbaseStore(countingDocDb(db, counter));
  await copyCommunities(local.local.runtime.store, store, communityIds);
  setRuntime({ ...local.local.runtime, store });
  const world: CloudWorld = {
    local,
    counter,
    db,
    async call(fn, action, data, openid) {
      return (await HTTP_FUNCTIONS[fn]({ action, data }, { localOpenId: openid })) as never;
    },
    async ok(fn, action, data, openid) {
      const result = await world.call(fn, action, data, openid);
      if (!result.ok) throw new Error(`${fn}.${action} failed: ${result.error.code} ${result.error.message}`);
      return result.data;
    },
    async measure(fn, action, data, openid) {
      const { result, figures } = await counter.measure(() => world.call(fn, action, data, openid));
      if (!result.ok) throw new Error(`${fn}.${action} failed: ${result.error.code} ${result.error.message}`);
      return { data: result.data as never, figures };
    },
    async measureTick() {
      const { result, figures } = await counter.measure(() => SCHEDULER({ Type: 'Timer' }, { localTimer: true }));
      return { envelope: result, figures };
    },
    close: () => local.close(),
  };
  return world;
}
