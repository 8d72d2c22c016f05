import type { RequestState } from '../../src/shared/domain/request-state';
import type { DemandFilter, OfferRecord, OutboxRecord, RequestEventRecord, RequestRecord, Store } from '../../src/server/ports';
import { describeEachStore, freshStoreEachTest } from './harness';
import { CENTER, T0, offset, request, DAY, allPages, newestFirst } from './fixtures';

const MINUTE = 60_000;

const newestIds = <T extends { createdAt: number; id: string }>(rows: readonly T[]) => [...rows].sort(newestFirst).map((row) => row.id);
const pad = (index: number) => String(index).padStart(3, '0');


function offer(requestId: string, memberId: string, overrides: Partial<OfferRecord> = {}): OfferRecord {
  return {
    requestId,
    memberId,
    round: 1,
    status: 'pending',
    score: 0.5,
    distanceM: 100,
    reasons: '距离 100 米',
    offeredAt: T0,
    expiresAt: T0 + 30 * MINUTE,
    respondedAt: null,
    ...overrides,
  };
}

function message(id: string, overrides: Partial<OutboxRecord> = {}): OutboxRecord {
  return {
    id,
    userId: 'resident1',
    kind: 'request_accepted',
    title: '您的求助已有人接单',
    body: '党员1 已接单',
    requestId: null,
    createdAt: T0,
    readAt: null,
    deliveredAt: null,
    channel: null,
    ...overrides,
  };
}

async function insertRequests(store: Store, requests: readonly RequestRecord[]): Promise<void> {
  await store.transaction(async (tx) => {
    for (const record of requests) await tx.requests.insert(record);
  });
}

describeEachStore('requests store', (kind) => {
  const store = freshStoreEachTest(kind);

  // -------------------------------------------------------------------------------------------
  // RequestRepo
  // -------------------------------------------------------------------------------------------

  describe('RequestRepo', () => {
    it('stores every field of a request and reads it back by id', async () => {
      const full = request('r1', {
        gridId: null,
        householdId: null,
        filedBy: 'admin1',
        filedByName: '王书记',
        category: 'errand',
        location: offset(CENTER, 120, -40),
        urgency: 'urgent',
        photos: ['p1', 'p2'],
        state: 'completed',
        round: 2,
        roundDeadline: T0 + 5,
        assigneeId: 'member1',
        completionNote: '已代取药品',
        completionPhotos: ['c1'],
        ratingStars: 5,
        ratingComment: '很好',
        pointsAwarded: 10,
        updatedAt: T0 + 9,
        acceptedAt: T0 + 1,
        completedAt: T0 + 2,
        ratedAt: T0 + 3,
        cancelledAt: T0 + 4,
        duplicateOf: 'r0',
        previousAssigneeId: 'member2',
        reopenedAt: T0 + 6,
        neededSkill: '水电维修',
      });
      await insertRequests(store, [full, request('r2')]);
      await store.read(async (tx) => {
        expect(await tx.requests.get('r1')).toEqual(full);
        expect(await tx.requests.get('r2')).toEqual(request('r2'));
        expect(await tx.requests.get('nope')).toBeNull();
      });
    });

    it('refuses a second request with the same id, or the same resident and client token', async () => {
      await insertRequests(store, [request('r1', { clientToken: 'tok-aaaaaaaa' })]);
      await expect(insertRequests(store, [request('r1', { clientToken: 'tok-bbbbbbbb' })])).rejects.toBeDefined();
      await expect(insertRequests(store, [request('r2', { clientToken: 'tok-aaaaaaaa' })])).rejects.toBeDefined();
      // The same token from another resident is a different submission.
      await insertRequests(store, [request('r3', { clientToken: 'tok-aaaaaaaa', residentId: 'resident2', filedBy: 'resident2' })]);
      await store.read(async (tx) => {
        expect((await tx.requests.get('r1'))?.clientToken).toBe('tok-aaaaaaaa');
        expect(await tx.requests.get('r2')).toBeNull();
        expect((await tx.requests.get('r3'))?.residentId).toBe('resident2');
      });
    });

    it('lets exactly one of 20 racing submissions with one client token through', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, index) =>
          store.transaction(async (tx) => {
            const earlier = await tx.requests.findByClientToken('resident1', 'tok-raceraceX');
            if (earlier) return earlier.id;
            await tx.requests.insert(request(`race${pad(index)}`, { clientToken: 'tok-raceraceX' }));
            return `race${pad(index)}`;
          }),
        ),
      );
      const ids = results.filter((result) => result.status === 'fulfilled').map((result) => (result as PromiseFulfilledResult<string>).value);
      // Every caller either won or (re-run, or told of the clash) found the winner.
      const winner = await store.read((tx) => tx.requests.findByClientToken('resident1', 'tok-raceraceX'));
      expect(winner).not.toBeNull();
      expect(new Set(ids)).toEqual(new Set([winner?.id]));
      const stored = await store.read((tx) => tx.requests.listByResident('resident1', { limit: 50 }));
      expect(stored.items.map((item) => item.id)).toEqual([winner?.id]);
    });

    it('finds a request by resident and client token, also in the transaction that wrote it', async () => {
      await insertRequests(store, [request('r1', { clientToken: 'tok-11111111' })]);
      await store.read(async (tx) => {
        expect((await tx.requests.findByClientToken('resident1', 'tok-11111111'))?.id).toBe('r1');
        expect(await tx.requests.findByClientToken('resident2', 'tok-11111111')).toBeNull();
        expect(await tx.requests.findByClientToken('resident1', 'tok-22222222')).toBeNull();
      });
      const seen = await store.transaction(async (tx) => {
        await tx.requests.insert(request('r2', { clientToken: 'tok-22222222' }));
        return tx.requests.findByClientToken('resident1', 'tok-22222222');
      });
      expect(seen?.id).toBe('r2');
    });

    it('finds a request by its filer and client token (代办登记), also in the transaction that wrote it', async () => {
      await insertRequests(store, [request('r1', { filedBy: 'admin1', filedByName: '王书记', clientToken: 'tok-filer001' })]);
      await store.read(async (tx) => {
        const found = await tx.requests.findByFiler('admin1', 'tok-filer001');
        expect(found?.id).toBe('r1');
        expect(found?.residentId).toBe('resident1');
        expect(await tx.requests.findByFiler('resident1', 'tok-filer001')).toBeNull();
        expect(await tx.requests.findByFiler('admin1', 'tok-other001')).toBeNull();
        // The resident's own key still finds it.
        expect((await tx.requests.findByClientToken('resident1', 'tok-filer001'))?.id).toBe('r1');
      });
      const seen = await store.transaction(async (tx) => {
        await tx.requests.insert(request('r2', { residentId: 'resident2', filedBy: 'admin1', filedByName: '王书记', clientToken: 'tok-filer002' }));
        return tx.requests.findByFiler('admin1', 'tok-filer002');
      });
      expect(seen?.id).toBe('r2');
    });

    it('updates only while the state is an expected one (compare-and-set)', async () => {
      await insertRequests(store, [request('r1', { state: 'dispatching', round: 1, roundDeadline: T0 + 10 })]);
      const moved = await store.transaction((tx) =>
        tx.requests.update('r1', ['dispatching'], { state: 'accepted', assigneeId: 'member1', acceptedAt: T0 + 5, roundDeadline: null, updatedAt: T0 + 5 }),
      );
      expect(moved).toBe(true);
      expect(await store.read((tx) => tx.requests.get('r1'))).toEqual(
        request('r1', { state: 'accepted', round: 1, roundDeadline: null, assigneeId: 'member1', acceptedAt: T0 + 5, updatedAt: T0 + 5 }),
      );

      expect(await store.transaction((tx) => tx.requests.update('r1', ['dispatching', 'submitted'], { state: 'cancelled', cancelledAt: T0 + 6 }))).toBe(false);
      expect(await store.transaction((tx) => tx.requests.update('missing', ['accepted'], { state: 'completed' }))).toBe(false);
      const after = await store.read((tx) => tx.requests.get('r1'));
      expect(after?.state).toBe('accepted');
      expect(after?.cancelledAt).toBeNull();
    });

    it('sees its own update inside the transaction, and a second compare-and-set there fails', async () => {
      await insertRequests(store, [request('r1')]);
      const result = await store.transaction(async (tx) => {
        const first = await tx.requests.update('r1', ['submitted'], { state: 'dispatching', round: 1, roundDeadline: T0 + MINUTE });
        const second = await tx.requests.update('r1', ['submitted'], { state: 'cancelled' });
        const third = await tx.requests.update('r1', ['dispatching'], { state: 'needs_manual', roundDeadline: null });
        return { first, second, third, now: await tx.requests.get('r1') };
      });
      expect(result).toMatchObject({ first: true, second: false, third: true });
      expect(result.now).toMatchObject({ state: 'needs_manual', round: 1, roundDeadline: null });
    });

    it('gives a contested request to exactly one of 20 racing members', async () => {
      await insertRequests(store, [request('r1', { state: 'dispatching', round: 1 })]);
      const members = ['member1', 'member2', 'member3'];
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          store.transaction((tx) => tx.requests.update('r1', ['dispatching'], { state: 'accepted', assigneeId: members[index % 3], acceptedAt: T0 + index })),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results.indexOf(true);
      expect(await store.read((tx) => tx.requests.get('r1'))).toMatchObject({ state: 'accepted', assigneeId: members[winner % 3], acceptedAt: T0 + winner });
    });

    it('pages a resident’s requests newest first across more than 100 with no loss or repeat', async () => {
      // Many share one millisecond so the cursor's tie-break on id is exercised.
      const mine = Array.from({ length: 130 }, (_, index) => request(`r${pad(index)}`, { createdAt: T0 + Math.floor(index / 7) * 1000 }));
      const others = [request('x1', { residentId: 'resident2', filedBy: 'resident2' }), request('x2', { residentId: 'resident9', filedBy: 'resident9', communityId: 'c2', gridId: 'g9' })];
      await insertRequests(store, [...mine, ...others]);
      for (const limit of [1, 7, 50, 101]) {
        const items = await store.read((tx) => allPages((page) => tx.requests.listByResident('resident1', page), limit));
        expect(items.map((item) => item.id)).toEqual(newestIds(mine));
      }
      const first = await store.read((tx) => tx.requests.listByResident('resident1', { limit: 130 }));
      expect(first.items).toHaveLength(130);
      expect(first.nextCursor).toBeNull();
      expect((await store.read((tx) => tx.requests.listByResident('resident2', { limit: 10 }))).items.map((item) => item.id)).toEqual(['x1']);
    });

    it('pages a member’s tasks in the given states', async () => {
      const states: RequestState[] = ['accepted', 'completed', 'rated', 'cancelled'];
      const tasks = Array.from({ length: 120 }, (_, index) =>
        request(`t${pad(index)}`, { assigneeId: index % 10 === 9 ? 'member2' : 'member1', state: states[index % 4], createdAt: T0 + (index % 30) * 1000 }),
      );
      await insertRequests(store, tasks);
      const open = await store.read((tx) => allPages((page) => tx.requests.listByAssignee('member1', ['accepted'], page), 9));
      expect(open.map((item) => item.id)).toEqual(newestIds(tasks.filter((task) => task.assigneeId === 'member1' && task.state === 'accepted')));
      const done = await store.read((tx) => allPages((page) => tx.requests.listByAssignee('member1', ['completed', 'rated'], page), 40));
      expect(done.map((item) => item.id)).toEqual(newestIds(tasks.filter((task) => task.assigneeId === 'member1' && (task.state === 'completed' || task.state === 'rated'))));
      expect(done.length).toBeGreaterThan(40);
      expect((await store.read((tx) => tx.requests.listByAssignee('member3', ['accepted'], { limit: 10 }))).items).toEqual([]);
    });

    it('pages a community’s requests in the given states, never another community’s', async () => {
      const c1 = Array.from({ length: 140 }, (_, index) =>
        request(`c1r${pad(index)}`, { state: index % 3 === 0 ? 'needs_manual' : index % 3 === 1 ? 'dispatching' : 'completed', createdAt: T0 + (index % 45) * 10 }),
      );
      const c2 = Array.from({ length: 20 }, (_, index) =>
        request(`c2r${pad(index)}`, { communityId: 'c2', gridId: 'g9', residentId: 'resident9', filedBy: 'resident9', state: 'needs_manual', createdAt: T0 + index }),
      );
      await insertRequests(store, [...c1, ...c2]);
      const open = await store.read((tx) => allPages((page) => tx.requests.listByCommunity('c1', ['needs_manual', 'dispatching'], page), 33));
      expect(open.map((item) => item.id)).toEqual(newestIds(c1.filter((item) => item.state !== 'completed')));
      expect(open.length).toBeGreaterThan(90);
      const manual = await store.read((tx) => allPages((page) => tx.requests.listByCommunity('c2', ['needs_manual'], page), 6));
      expect(manual.map((item) => item.id)).toEqual(newestIds(c2));
      expect((await store.read((tx) => tx.requests.listByCommunity('c2', ['completed'], { limit: 10 }))).items).toEqual([]);
    });

    it('reads requests by ids, skipping unknown ones', async () => {
      const many = Array.from({ length: 150 }, (_, index) => request(`r${pad(index)}`));
      await insertRequests(store, many);
      await store.read(async (tx) => {
        expect(await tx.requests.listIds([])).toEqual([]);
        const some = await tx.requests.listIds(['r003', 'missing', 'r001']);
        expect(some.map((item) => item.id).sort()).toEqual(['r001', 'r003']);
        expect(some.find((item) => item.id === 'r001')).toEqual(many[1]);
        const all = await tx.requests.listIds(many.map((item) => item.id));
        expect(all.map((item) => item.id).sort()).toEqual(many.map((item) => item.id));
      });
    });

    it('finds similar requests nearby: same community, category and states, since a time, nearest first', async () => {
      const since = T0 - 7 * DAY;
      await insertRequests(store, [
        request('near50', { location: offset(CENTER, 50, 0) }),
        request('near20', { location: offset(CENTER, 0, 20), state: 'dispatching' }),
        request('near150', { location: offset(CENTER, 0, -150) }),
        request('far400', { location: offset(CENTER, 400, 0) }),
        request('otherCategory', { location: offset(CENTER, 10, 0), category: 'errand' }),
        request('closed', { location: offset(CENTER, 10, 0), state: 'completed' }),
        request('old', { location: offset(CENTER, 10, 0), createdAt: since - 1 }),
        request('atSince', { location: offset(CENTER, 100, 0), createdAt: since }),
        request('otherCommunity', { location: offset(CENTER, 5, 0), communityId: 'c2', gridId: 'g9', residentId: 'resident9', filedBy: 'resident9' }),
      ]);
      const query = { communityId: 'c1', category: 'repair' as const, center: CENTER, radiusM: 200, since, states: ['submitted', 'dispatching'] as RequestState[], limit: 10 };
      await store.read(async (tx) => {
        expect((await tx.requests.findSimilar(query)).map((item) => item.id)).toEqual(['near20', 'near50', 'atSince', 'near150']);
        expect((await tx.requests.findSimilar({ ...query, limit: 2 })).map((item) => item.id)).toEqual(['near20', 'near50']);
        expect((await tx.requests.findSimilar({ ...query, radiusM: 500 })).map((item) => item.id)).toEqual(['near20', 'near50', 'atSince', 'near150', 'far400']);
        expect((await tx.requests.findSimilar({ ...query, states: ['completed'] })).map((item) => item.id)).toEqual(['closed']);
        expect((await tx.requests.findSimilar({ ...query, communityId: 'c2' })).map((item) => item.id)).toEqual(['otherCommunity']);
        const found = await tx.requests.findSimilar({ ...query, limit: 1 });
        expect(found[0]).toEqual(request('near20', { location: offset(CENTER, 0, 20), state: 'dispatching' }));
      });
    });

    it('keeps the searchable position in step when an update moves a request', async () => {
      await insertRequests(store, [request('r1', { location: offset(CENTER, 1000, 0) })]);
      const query = { communityId: 'c1', category: 'repair' as const, center: CENTER, radiusM: 200, since: T0 - DAY, states: ['submitted'] as RequestState[], limit: 5 };
      expect(await store.read((tx) => tx.requests.findSimilar(query))).toEqual([]);
      expect(await store.transaction((tx) => tx.requests.update('r1', ['submitted'], { location: offset(CENTER, 30, 0), address: '3 栋 102' }))).toBe(true);
      const found = await store.read((tx) => tx.requests.findSimilar(query));
      expect(found.map((item) => item.id)).toEqual(['r1']);
      expect(found[0].location).toEqual(offset(CENTER, 30, 0));
      expect(found[0].address).toBe('3 栋 102');
    });

    it('lists a community’s open wishes newest first, by skill, up to the limit', async () => {
      await insertRequests(store, [
        request('w1', { category: 'wish', createdAt: T0 + 1, neededSkill: '水电维修' }),
        request('w2', { category: 'wish', createdAt: T0 + 3, neededSkill: null }),
        request('w3', { category: 'wish', createdAt: T0 + 2, neededSkill: '理发' }),
        request('w4', { category: 'wish', createdAt: T0 + 4, state: 'accepted', assigneeId: 'member1' }),
        request('w5', { category: 'wish', createdAt: T0 + 3, neededSkill: '水电维修' }),
        request('n1', { category: 'repair', createdAt: T0 + 5 }),
        request('w9', { category: 'wish', createdAt: T0 + 6, communityId: 'c2', gridId: 'g9', residentId: 'resident9', filedBy: 'resident9' }),
      ]);
      await store.read(async (tx) => {
        expect((await tx.requests.listOpenWishes('c1', null, 10)).map((item) => item.id)).toEqual(['w5', 'w2', 'w3', 'w1']);
        expect((await tx.requests.listOpenWishes('c1', null, 2)).map((item) => item.id)).toEqual(['w5', 'w2']);
        expect((await tx.requests.listOpenWishes('c1', '水电维修', 10)).map((item) => item.id)).toEqual(['w5', 'w1']);
        expect(await tx.requests.listOpenWishes('c1', '书法', 10)).toEqual([]);
        expect((await tx.requests.listOpenWishes('c2', null, 10)).map((item) => item.id)).toEqual(['w9']);
      });
    });

    it('lists dispatching requests whose round ran out, earliest deadline first, across more than 100', async () => {
      const now = T0 + 1000 * MINUTE;
      const due = Array.from({ length: 130 }, (_, index) => request(`d${pad(index)}`, { state: 'dispatching', round: 1, roundDeadline: now - (index * 7919) % 1000 * 1000 - 1 }));
      await insertRequests(store, [
        ...due,
        request('atNow', { state: 'dispatching', roundDeadline: now }),
        request('later', { state: 'dispatching', roundDeadline: now + 1 }),
        request('accepted', { state: 'accepted', roundDeadline: now - 5, assigneeId: 'member1' }),
        request('manual', { state: 'needs_manual', roundDeadline: null }),
        request('elsewhere', { state: 'dispatching', roundDeadline: now - 2, communityId: 'c2', gridId: 'g9', residentId: 'resident9', filedBy: 'resident9' }),
      ]);
      const expected = [...due, request('atNow', { roundDeadline: now }), request('elsewhere', { roundDeadline: now - 2 })]
        .sort((a, b) => (a.roundDeadline ?? 0) - (b.roundDeadline ?? 0))
        .map((item) => item.id);
      expect(new Set(expected.map((id) => id)).size).toBe(expected.length);
      const all = await store.read((tx) => tx.requests.listRoundsDue(now, 500));
      expect(all.map((item) => item.id)).toEqual(expected);
      const first = await store.read((tx) => tx.requests.listRoundsDue(now, 110));
      expect(first.map((item) => item.id)).toEqual(expected.slice(0, 110));
      expect(await store.read((tx) => tx.requests.listRoundsDue(T0, 10))).toEqual([]);
    });
  });

  // -------------------------------------------------------------------------------------------
  // OfferRepo and EventRepo
  // -------------------------------------------------------------------------------------------

  describe('OfferRepo', () => {
    beforeEach(async () => {
      await insertRequests(store, [request('r1', { state: 'dispatching', round: 2 }), request('r2', { state: 'dispatching', round: 1 })]);
    });

    it('stores offers and lists a request’s by round, then best score', async () => {
      const offers = [
        offer('r1', 'member1', { round: 2, score: 0.9 }),
        offer('r1', 'member2', { round: 1, score: 0.4, distanceM: 800, reasons: '距离 800 米' }),
        offer('r1', 'member3', { round: 1, score: 0.7, status: 'declined', respondedAt: T0 + 1 }),
        offer('r2', 'member1'),
      ];
      await store.transaction((tx) => tx.offers.insertMany(offers));
      await store.read(async (tx) => {
        expect(await tx.offers.get('r1', 'member2')).toEqual(offers[1]);
        expect(await tx.offers.get('r1', 'resident1')).toBeNull();
        expect(await tx.offers.listForRequest('r1')).toEqual([offers[2], offers[1], offers[0]]);
        expect(await tx.offers.listForRequest('r2')).toEqual([offers[3]]);
        expect(await tx.offers.listForRequest('r9')).toEqual([]);
      });
    });

    it('refuses a second offer of a request to the same member, writing nothing', async () => {
      await store.transaction((tx) => tx.offers.insertMany([offer('r1', 'member1')]));
      await expect(store.transaction((tx) => tx.offers.insertMany([offer('r1', 'member2'), offer('r1', 'member1', { round: 2 })]))).rejects.toBeDefined();
      await expect(store.transaction((tx) => tx.offers.insertMany([offer('r1', 'member3'), offer('r1', 'member3')]))).rejects.toBeDefined();
      expect(await store.read((tx) => tx.offers.listForRequest('r1'))).toEqual([offer('r1', 'member1')]);
    });

    it('saves (inserts or replaces) one member’s offer', async () => {
      await store.transaction((tx) => tx.offers.save(offer('r1', 'member1')));
      const replaced = offer('r1', 'member1', { round: 2, status: 'accepted', score: 1, reasons: '社区指派', offeredAt: T0 + 5, expiresAt: T0 + 5, respondedAt: T0 + 5 });
      await store.transaction((tx) => tx.offers.save(replaced));
      expect(await store.read((tx) => tx.offers.listForRequest('r1'))).toEqual([replaced]);
    });

    it('lists a member’s pending, unexpired offers newest first', async () => {
      const now = T0 + 10 * MINUTE;
      await store.transaction((tx) =>
        tx.offers.insertMany([
          offer('r1', 'member1', { offeredAt: T0 + 1, expiresAt: now + 1 }),
          offer('r2', 'member1', { offeredAt: T0 + 2, expiresAt: now + 1 }),
          offer('r1', 'member2', { offeredAt: T0 + 3, expiresAt: now }),
          offer('r2', 'member2', { status: 'declined', respondedAt: T0 + 4 }),
          offer('r1', 'member3'),
        ]),
      );
      await store.read(async (tx) => {
        expect((await tx.offers.listPendingForMember('member1', now)).map((item) => item.requestId)).toEqual(['r2', 'r1']);
        // Expiring exactly now is expired.
        expect(await tx.offers.listPendingForMember('member2', now)).toEqual([]);
        expect((await tx.offers.listPendingForMember('member3', now)).map((item) => item.requestId)).toEqual(['r1']);
        expect(await tx.offers.listPendingForMember('member3', T0 + 30 * MINUTE)).toEqual([]);
      });
    });

    it('changes an offer’s status only from the expected ones (compare-and-set)', async () => {
      await store.transaction((tx) => tx.offers.insertMany([offer('r1', 'member1'), offer('r1', 'member2')]));
      expect(await store.transaction((tx) => tx.offers.updateStatus('r1', 'member1', ['pending'], 'declined', T0 + 7))).toBe(true);
      expect(await store.transaction((tx) => tx.offers.updateStatus('r1', 'member1', ['pending'], 'accepted', T0 + 8))).toBe(false);
      expect(await store.transaction((tx) => tx.offers.updateStatus('r1', 'member3', ['pending'], 'accepted', T0 + 8))).toBe(false);
      expect(await store.transaction((tx) => tx.offers.updateStatus('r1', 'member2', ['expired', 'pending'], 'accepted', T0 + 9))).toBe(true);
      await store.read(async (tx) => {
        expect(await tx.offers.get('r1', 'member1')).toEqual(offer('r1', 'member1', { status: 'declined', respondedAt: T0 + 7 }));
        expect(await tx.offers.get('r1', 'member2')).toEqual(offer('r1', 'member2', { status: 'accepted', respondedAt: T0 + 9 }));
      });
    });

    it('lets exactly one of 20 racing answers change a pending offer', async () => {
      await store.transaction((tx) => tx.offers.insertMany([offer('r1', 'member1')]));
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, index) => store.transaction((tx) => tx.offers.updateStatus('r1', 'member1', ['pending'], index % 2 ? 'accepted' : 'declined', T0 + index))),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results.indexOf(true);
      expect(await store.read((tx) => tx.offers.get('r1', 'member1'))).toMatchObject({ status: winner % 2 ? 'accepted' : 'declined', respondedAt: T0 + winner });
    });

    it('closes every pending offer of one request and counts them', async () => {
      await store.transaction((tx) =>
        tx.offers.insertMany([
          offer('r1', 'member1'),
          offer('r1', 'member2'),
          offer('r1', 'member3', { status: 'declined', respondedAt: T0 + 1 }),
          offer('r2', 'member1'),
        ]),
      );
      expect(await store.transaction((tx) => tx.offers.closePending('r1', 'expired', T0 + 50))).toBe(2);
      expect(await store.transaction((tx) => tx.offers.closePending('r1', 'expired', T0 + 60))).toBe(0);
      await store.read(async (tx) => {
        expect((await tx.offers.listForRequest('r1')).map((item) => [item.memberId, item.status, item.respondedAt])).toEqual([
          ['member1', 'expired', T0 + 50],
          ['member2', 'expired', T0 + 50],
          ['member3', 'declined', T0 + 1],
        ]);
        expect(await tx.offers.get('r2', 'member1')).toEqual(offer('r2', 'member1'));
      });
    });

    it('sees its own writes inside the transaction: accept one, withdraw the rest, list them', async () => {
      await store.transaction((tx) => tx.offers.insertMany([offer('r1', 'member1'), offer('r1', 'member2')]));
      const seen = await store.transaction(async (tx) => {
        const accepted = await tx.offers.updateStatus('r1', 'member1', ['pending'], 'accepted', T0 + 5);
        const closed = await tx.offers.closePending('r1', 'withdrawn', T0 + 5);
        await tx.offers.insertMany([offer('r1', 'member3', { round: 2 })]);
        const stillPending = (await tx.offers.listForRequest('r1')).filter((item) => item.status === 'pending').map((item) => item.memberId);
        const pendingForMember3 = (await tx.offers.listPendingForMember('member3', T0)).map((item) => item.requestId);
        const closedAgain = await tx.offers.closePending('r1', 'withdrawn', T0 + 6);
        return { accepted, closed, stillPending, pendingForMember3, closedAgain, list: await tx.offers.listForRequest('r1') };
      });
      expect(seen).toMatchObject({ accepted: true, closed: 1, stillPending: ['member3'], pendingForMember3: ['r1'], closedAgain: 1 });
      expect(seen.list.map((item) => [item.memberId, item.status])).toEqual([
        ['member1', 'accepted'],
        ['member2', 'withdrawn'],
        ['member3', 'withdrawn'],
      ]);
      expect(await store.read((tx) => tx.offers.listForRequest('r1'))).toEqual(seen.list);
    });

    it('writes nothing when the transaction fails', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.offers.insertMany([offer('r1', 'member1')]);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.read((tx) => tx.offers.listForRequest('r1'))).toEqual([]);
    });
  });

  describe('EventRepo', () => {
    const event = (requestId: string, index: number, overrides: Partial<RequestEventRecord> = {}): RequestEventRecord => ({
      requestId,
      at: T0,
      kind: `kind${index}`,
      actorId: index % 2 ? 'member1' : null,
      text: `第 ${index} 条`,
      ...overrides,
    });

    beforeEach(async () => {
      await insertRequests(store, [request('r1'), request('r2')]);
    });

    it('lists a request’s timeline in the order it was written, even within one millisecond', async () => {
      const first = [event('r1', 0), event('r1', 1, { at: T0 - 5 })];
      await store.transaction(async (tx) => {
        for (const item of first) await tx.events.append(item);
        await tx.events.append(event('r2', 9));
      });
      const second = [event('r1', 2, { at: T0 + 1 }), event('r1', 3, { at: T0 })];
      await store.transaction(async (tx) => {
        for (const item of second) await tx.events.append(item);
      });
      await store.read(async (tx) => {
        expect(await tx.events.listForRequest('r1')).toEqual([...first, ...second]);
        expect(await tx.events.listForRequest('r2')).toEqual([event('r2', 9)]);
        expect(await tx.events.listForRequest('r3')).toEqual([]);
      });
    });

    it('shows the transaction’s own appends in the timeline it reads', async () => {
      await store.transaction((tx) => tx.events.append(event('r1', 0)));
      const seen = await store.transaction(async (tx) => {
        await tx.events.append(event('r1', 1));
        await tx.events.append(event('r1', 2));
        return tx.events.listForRequest('r1');
      });
      expect(seen).toEqual([event('r1', 0), event('r1', 1), event('r1', 2)]);
    });

    it('shows the first 200 entries of a long timeline', async () => {
      const many = Array.from({ length: 230 }, (_, index) => event('r1', index, { at: T0 + (index % 3) }));
      await store.transaction(async (tx) => {
        for (const item of many.slice(0, 120)) await tx.events.append(item);
      });
      await store.transaction(async (tx) => {
        for (const item of many.slice(120)) await tx.events.append(item);
      });
      expect(await store.read((tx) => tx.events.listForRequest('r1'))).toEqual(many.slice(0, 200));
    });

    it('keeps all of 20 racing appends to one request, each once', async () => {
      await Promise.all(Array.from({ length: 20 }, (_, index) => store.transaction((tx) => tx.events.append(event('r1', index)))));
      const timeline = await store.read((tx) => tx.events.listForRequest('r1'));
      expect(timeline).toHaveLength(20);
      expect(timeline.map((item) => item.kind).sort()).toEqual(Array.from({ length: 20 }, (_, index) => `kind${index}`).sort());
    });
  });

  // -------------------------------------------------------------------------------------------
  // OutboxRepo
  // -------------------------------------------------------------------------------------------

  describe('OutboxRepo', () => {
    const enqueue = (messages: readonly OutboxRecord[]) =>
      store.transaction(async (tx) => {
        for (const item of messages) await tx.outbox.enqueue(item);
      });

    it('pages a user’s inbox newest first across more than 100 messages, nobody else’s', async () => {
      const mine = Array.from({ length: 125 }, (_, index) => message(`m${pad(index)}`, { createdAt: T0 + Math.floor(index / 4) }));
      await enqueue([...mine, message('o1', { userId: 'resident2' }), message('o2', { userId: 'resident9' })]);
      for (const limit of [1, 20, 100]) {
        const items = await store.read((tx) => allPages((page) => tx.outbox.listForUser('resident1', page), limit));
        expect(items.map((item) => item.id)).toEqual(newestIds(mine));
      }
      const page = await store.read((tx) => tx.outbox.listForUser('resident2', { limit: 10 }));
      expect(page).toEqual({ items: [message('o1', { userId: 'resident2' })], nextCursor: null });
    });

    it('refuses a second message with the same id', async () => {
      await enqueue([message('m1')]);
      await expect(enqueue([message('m1', { title: '另一条' })])).rejects.toBeDefined();
      expect((await store.read((tx) => tx.outbox.listForUser('resident1', { limit: 10 }))).items).toEqual([message('m1')]);
    });

    it('counts unread messages and marks a user’s own unread ones read', async () => {
      await enqueue([
        ...Array.from({ length: 130 }, (_, index) => message(`m${pad(index)}`, { createdAt: T0 + index })),
        message('read', { readAt: T0 }),
        message('theirs', { userId: 'resident2' }),
      ]);
      await store.read(async (tx) => {
        expect(await tx.outbox.countUnread('resident1')).toBe(130);
        expect(await tx.outbox.countUnread('resident2')).toBe(1);
        expect(await tx.outbox.countUnread('member3')).toBe(0);
      });
      const updated = await store.transaction((tx) => tx.outbox.markRead('resident1', ['m001', 'm002', 'm002', 'read', 'theirs', 'missing'], T0 + 999));
      expect(updated).toBe(2);
      expect(await store.transaction((tx) => tx.outbox.markRead('resident1', [], T0 + 999))).toBe(0);
      expect(await store.transaction((tx) => tx.outbox.markRead('resident1', ['m001'], T0 + 1000))).toBe(0);
      await store.read(async (tx) => {
        expect(await tx.outbox.countUnread('resident1')).toBe(128);
        expect(await tx.outbox.countUnread('resident2')).toBe(1);
        const items = (await tx.outbox.listForUser('resident1', { limit: 200 })).items;
        expect(items.find((item) => item.id === 'm001')?.readAt).toBe(T0 + 999);
        expect(items.find((item) => item.id === 'read')?.readAt).toBe(T0);
      });
    });

    it('counts, within a transaction, what it enqueued and marked read there', async () => {
      await enqueue([message('m1'), message('m2')]);
      const seen = await store.transaction(async (tx) => {
        await tx.outbox.enqueue(message('m3'));
        await tx.outbox.enqueue(message('m4'));
        await tx.outbox.enqueue(message('other', { userId: 'resident2' }));
        const afterEnqueue = await tx.outbox.countUnread('resident1');
        const marked = await tx.outbox.markRead('resident1', ['m1', 'm3'], T0 + 5);
        return { afterEnqueue, marked, afterRead: await tx.outbox.countUnread('resident1'), theirs: await tx.outbox.countUnread('resident2') };
      });
      expect(seen).toEqual({ afterEnqueue: 4, marked: 2, afterRead: 2, theirs: 1 });
      expect(await store.read((tx) => tx.outbox.countUnread('resident1'))).toBe(2);
    });

    it('lists undelivered messages oldest first and marks them delivered once', async () => {
      const waiting = Array.from({ length: 120 }, (_, index) => message(`u${pad(index)}`, { userId: index % 2 ? 'resident1' : 'member1', createdAt: T0 + ((index * 37) % 120) }));
      await enqueue([...waiting, message('done', { deliveredAt: T0, channel: 'inbox', createdAt: T0 - 1 })]);
      const expected = [...waiting].sort((a, b) => a.createdAt - b.createdAt).map((item) => item.id);
      expect((await store.read((tx) => tx.outbox.listUndelivered(500))).map((item) => item.id)).toEqual(expected);
      expect((await store.read((tx) => tx.outbox.listUndelivered(105))).map((item) => item.id)).toEqual(expected.slice(0, 105));

      const first = expected[0];
      await store.transaction((tx) => tx.outbox.markDelivered(first, 'subscribe', T0 + 500));
      await store.transaction((tx) => tx.outbox.markDelivered(first, 'inbox', T0 + 600));
      await store.transaction((tx) => tx.outbox.markDelivered('missing', 'inbox', T0 + 600));
      const left = await store.read((tx) => tx.outbox.listUndelivered(500));
      expect(left.map((item) => item.id)).toEqual(expected.slice(1));
      const owner = waiting.find((item) => item.id === first)?.userId ?? '';
      const delivered = (await store.read((tx) => tx.outbox.listForUser(owner, { limit: 200 }))).items.find((item) => item.id === first);
      expect(delivered).toMatchObject({ deliveredAt: T0 + 500, channel: 'subscribe', readAt: null });
    });
  });

  // -------------------------------------------------------------------------------------------
  // SubscriptionRepo
  // -------------------------------------------------------------------------------------------

  describe('SubscriptionRepo', () => {
    it('grants one authorisation per template key and prompt, and uses them one at a time', async () => {
      expect(await store.read((tx) => tx.subscriptions.count('resident1', 'task_offered'))).toBe(0);
      await store.transaction((tx) => tx.subscriptions.grant('resident1', ['task_offered', 'request_accepted', 'task_offered'], T0));
      await store.transaction((tx) => tx.subscriptions.grant('resident1', ['task_offered'], T0 + 1));
      await store.read(async (tx) => {
        expect(await tx.subscriptions.count('resident1', 'task_offered')).toBe(2);
        expect(await tx.subscriptions.count('resident1', 'request_accepted')).toBe(1);
        expect(await tx.subscriptions.count('resident2', 'task_offered')).toBe(0);
      });
      expect(await store.transaction((tx) => tx.subscriptions.consume('resident1', 'task_offered'))).toBe(true);
      expect(await store.transaction((tx) => tx.subscriptions.consume('resident1', 'task_offered'))).toBe(true);
      expect(await store.transaction((tx) => tx.subscriptions.consume('resident1', 'task_offered'))).toBe(false);
      expect(await store.transaction((tx) => tx.subscriptions.consume('resident2', 'task_offered'))).toBe(false);
      await store.read(async (tx) => {
        expect(await tx.subscriptions.count('resident1', 'task_offered')).toBe(0);
        expect(await tx.subscriptions.count('resident1', 'request_accepted')).toBe(1);
      });
    });

    it('forgets what it counted on reset, and counts afresh after', async () => {
      await store.transaction((tx) => tx.subscriptions.grant('resident1', ['task_offered'], T0));
      await store.transaction((tx) => tx.subscriptions.grant('resident1', ['task_offered'], T0));
      await store.transaction((tx) => tx.subscriptions.reset('resident1', 'task_offered'));
      await store.transaction((tx) => tx.subscriptions.reset('resident2', 'task_offered'));
      await store.read(async (tx) => {
        expect(await tx.subscriptions.count('resident1', 'task_offered')).toBe(0);
        expect(await tx.subscriptions.count('resident2', 'task_offered')).toBe(0);
      });
      expect(await store.transaction((tx) => tx.subscriptions.consume('resident1', 'task_offered'))).toBe(false);
      await store.transaction((tx) => tx.subscriptions.grant('resident1', ['task_offered'], T0 + 1));
      await store.transaction((tx) => tx.subscriptions.grant('resident2', ['task_offered'], T0 + 1));
      await store.read(async (tx) => {
        expect(await tx.subscriptions.count('resident1', 'task_offered')).toBe(1);
        expect(await tx.subscriptions.count('resident2', 'task_offered')).toBe(1);
      });
    });

    it('loses no grant and spends no authorisation twice when 20 race', async () => {
      await Promise.all(Array.from({ length: 20 }, (_, index) => store.transaction((tx) => tx.subscriptions.grant('member1', ['task_offered'], T0 + index))));
      expect(await store.read((tx) => tx.subscriptions.count('member1', 'task_offered'))).toBe(20);
      await store.transaction(async (tx) => {
        for (let index = 0; index < 15; index++) await tx.subscriptions.consume('member1', 'task_offered');
      });
      const results = await Promise.all(Array.from({ length: 20 }, () => store.transaction((tx) => tx.subscriptions.consume('member1', 'task_offered'))));
      expect(results.filter(Boolean)).toHaveLength(5);
      expect(await store.read((tx) => tx.subscriptions.count('member1', 'task_offered'))).toBe(0);
    });
  });

  // -------------------------------------------------------------------------------------------
  // DemandRepo (民意民盼台账)
  // -------------------------------------------------------------------------------------------

  describe('DemandRepo', () => {
    const reply = (requestId: string, overrides: Partial<{ adopted: boolean; reply: string; repliedBy: string; repliedAt: number }> = {}) => ({
      requestId,
      adopted: true,
      reply: '已采纳，下月实施',
      repliedBy: 'admin1',
      repliedAt: T0 + DAY,
      ...overrides,
    });
    const noFilter: DemandFilter = { communityId: 'c1', gridId: null, category: null, state: null, from: null, to: null };

    it('joins each line to the resident, grid, assignee and reply', async () => {
      await insertRequests(store, [
        request('s1', { category: 'suggestion', createdAt: T0 + 3 }),
        request('r1', { residentId: 'resident2', filedBy: 'resident2', gridId: 'g2', assigneeId: 'member2', state: 'accepted', acceptedAt: T0 + 9, createdAt: T0 + 2 }),
        request('r2', { gridId: null, createdAt: T0 + 1 }),
        request('x1', { communityId: 'c2', gridId: 'g9', residentId: 'resident9', filedBy: 'resident9', createdAt: T0 + 4 }),
      ]);
      expect(await store.transaction((tx) => tx.demand.insertReply(reply('s1')))).toBe(true);
      const page = await store.read((tx) => tx.demand.list(noFilter, { limit: 10 }));
      expect(page.nextCursor).toBeNull();
      expect(page.items).toEqual([
        { request: request('s1', { category: 'suggestion', createdAt: T0 + 3 }), residentName: '李奶奶', gridName: '第一网格', assigneeName: null, reply: reply('s1') },
        {
          request: request('r1', { residentId: 'resident2', filedBy: 'resident2', gridId: 'g2', assigneeId: 'member2', state: 'accepted', acceptedAt: T0 + 9, createdAt: T0 + 2 }),
          residentName: '张大爷',
          gridName: '第二网格',
          assigneeName: '党员2',
          reply: null,
        },
        { request: request('r2', { gridId: null, createdAt: T0 + 1 }), residentName: '李奶奶', gridName: null, assigneeName: null, reply: null },
      ]);
      await store.read(async (tx) => {
        expect(await tx.demand.get('r1')).toEqual(page.items[1]);
        expect(await tx.demand.get('s1')).toEqual(page.items[0]);
        expect(await tx.demand.get('missing')).toBeNull();
        expect((await tx.demand.list({ ...noFilter, communityId: 'c2' }, { limit: 10 })).items.map((line) => [line.request.id, line.residentName, line.gridName])).toEqual([
          ['x1', '外社区居民', '和平网格'],
        ]);
      });
    });

    it('filters by grid, category, state and submission time, and pages newest first across more than 100', async () => {
      const categories = ['repair', 'suggestion', 'errand'] as const;
      const states: RequestState[] = ['submitted', 'accepted', 'completed'];
      const all = Array.from({ length: 150 }, (_, index) =>
        request(`d${pad(index)}`, {
          gridId: index % 2 ? 'g1' : 'g2',
          category: categories[index % 3],
          state: states[index % 5 === 0 ? 1 : index % 5 === 1 ? 2 : 0],
          assigneeId: index % 5 <= 1 ? 'member1' : null,
          createdAt: T0 + Math.floor(index / 3) * 1000,
        }),
      );
      await insertRequests(store, all);
      const ids = (filter: Partial<DemandFilter>, limit: number) =>
        store.read((tx) => allPages((page) => tx.demand.list({ ...noFilter, ...filter }, page), limit)).then((lines) => lines.map((line) => line.request.id));

      expect(await ids({}, 40)).toEqual(newestIds(all));
      expect(await ids({ gridId: 'g2' }, 17)).toEqual(newestIds(all.filter((item) => item.gridId === 'g2')));
      expect(await ids({ category: 'suggestion' }, 9)).toEqual(newestIds(all.filter((item) => item.category === 'suggestion')));
      expect(await ids({ state: 'accepted' }, 9)).toEqual(newestIds(all.filter((item) => item.state === 'accepted')));
      const from = T0 + 10_000;
      const to = T0 + 40_000;
      expect(await ids({ from, to }, 11)).toEqual(newestIds(all.filter((item) => item.createdAt >= from && item.createdAt < to)));
      expect(await ids({ from }, 101)).toEqual(newestIds(all.filter((item) => item.createdAt >= from)));
      expect(await ids({ to, gridId: 'g1', category: 'repair' }, 5)).toEqual(
        newestIds(all.filter((item) => item.createdAt < to && item.gridId === 'g1' && item.category === 'repair')),
      );
      const lines = await store.read((tx) => tx.demand.list({ ...noFilter, state: 'completed' }, { limit: 200 }));
      expect(lines.items.every((line) => line.assigneeName === '党员1' && line.residentName === '李奶奶')).toBe(true);
    });

    it('exports every matching line oldest first, up to the limit', async () => {
      const all = Array.from({ length: 140 }, (_, index) => request(`e${pad(index)}`, { gridId: index % 4 === 0 ? 'g2' : 'g1', createdAt: T0 + ((index * 53) % 140) * 100 }));
      await insertRequests(store, [...all, request('x1', { communityId: 'c2', gridId: 'g9', residentId: 'resident9', filedBy: 'resident9' })]);
      const oldestFirst = [...all].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)).map((item) => item.id);
      await store.read(async (tx) => {
        const every = await tx.demand.listAll(noFilter, 1000);
        expect(every.map((line) => line.request.id)).toEqual(oldestFirst);
        expect(every.every((line) => line.residentName === '李奶奶' && line.gridName === (line.request.gridId === 'g2' ? '第二网格' : '第一网格'))).toBe(true);
        expect((await tx.demand.listAll(noFilter, 120)).map((line) => line.request.id)).toEqual(oldestFirst.slice(0, 120));
        const from = T0 + 2000;
        expect((await tx.demand.listAll({ ...noFilter, gridId: 'g2', from }, 1000)).map((line) => line.request.id)).toEqual(
          oldestFirst.filter((id) => {
            const item = all.find((candidate) => candidate.id === id);
            return item?.gridId === 'g2' && item.createdAt >= from;
          }),
        );
      });
    });

    it('answers a suggestion once; a second answer is refused and changes nothing', async () => {
      await insertRequests(store, [request('s1', { category: 'suggestion' })]);
      expect(await store.read((tx) => tx.demand.getReply('s1'))).toBeNull();
      expect(await store.transaction((tx) => tx.demand.insertReply(reply('s1', { adopted: false, reply: '暂不采纳' })))).toBe(true);
      expect(await store.transaction((tx) => tx.demand.insertReply(reply('s1')))).toBe(false);
      expect(await store.read((tx) => tx.demand.getReply('s1'))).toEqual(reply('s1', { adopted: false, reply: '暂不采纳' }));
    });

    it('reads a reply back in the transaction that wrote it', async () => {
      await insertRequests(store, [request('s1', { category: 'suggestion' })]);
      const seen = await store.transaction(async (tx) => {
        const inserted = await tx.demand.insertReply(reply('s1'));
        return { inserted, again: await tx.demand.insertReply(reply('s1', { reply: '另一条' })), row: await tx.demand.get('s1'), got: await tx.demand.getReply('s1') };
      });
      expect(seen).toEqual({
        inserted: true,
        again: false,
        row: { request: request('s1', { category: 'suggestion' }), residentName: '李奶奶', gridName: '第一网格', assigneeName: null, reply: reply('s1') },
        got: reply('s1'),
      });
    });

    it('lets exactly one of 20 racing answers through', async () => {
      await insertRequests(store, [request('s1', { category: 'suggestion' })]);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, index) => store.transaction((tx) => tx.demand.insertReply(reply('s1', { reply: `答复 ${index}`, repliedAt: T0 + index })))),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results.indexOf(true);
      expect(await store.read((tx) => tx.demand.getReply('s1'))).toEqual(reply('s1', { reply: `答复 ${winner}`, repliedAt: T0 + winner }));
    });
  });
});
