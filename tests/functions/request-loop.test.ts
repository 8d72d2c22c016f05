import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { uploadsDir } from '../../src/server/host/local-runtime';
import { createTestWorld, type TestWorld } from '../support/test-runtime';
import { ADMIN, FAR_PLUMBER, LINKED_MEMBER, OTHER_RESIDENT, PLUMBER_2, PLUMBER_3, POLICY_MEMBER, RESIDENT, repairRequest, seedCrowd, seedDemo } from '../support/fixtures';

let world: TestWorld;

beforeEach(() => {
  world = createTestWorld();
  seedDemo(world);
});
afterEach(() => world.close());

function ledgerSum(): number {
  return (world.local.store.db.prepare('SELECT COALESCE(SUM(balance), 0) AS s FROM accounts').get() as { s: number }).s;
}

describe('点单 → 派单 → 接单 → 评单', () => {
  test('the whole loop, with masking, a losing accept, points once and a rating', async () => {
    const submitted = await world.ok('requests', 'submit', repairRequest({ urgency: 'urgent' }), RESIDENT);
    expect(submitted.state).toBe('dispatching');
    expect(submitted.timeline.map((entry) => entry.kind)).toEqual(['submitted', 'offered']);

    const offers = world.local.store.db.prepare('SELECT member_id, reasons FROM offers WHERE request_id = ? ORDER BY score DESC').all(submitted.id) as {
      member_id: string;
      reasons: string;
    }[];
    expect(offers.map((offer) => offer.member_id)).toEqual(['u_demo_member_1', 'u_demo_member_3', 'u_demo_member_7']);
    expect(offers[0].reasons).toMatch(/^联系户党员 · 同网格 · \d+ m · 水电维修$/);

    // Every offered member hears about it in the inbox.
    for (const openid of [LINKED_MEMBER, PLUMBER_2, PLUMBER_3]) {
      const inbox = await world.ok('community', 'listInbox', { limit: 10 }, openid);
      expect(inbox.items[0]).toMatchObject({ title: '【紧急】新的求助：维修求助', requestId: submitted.id });
    }

    // Before accepting, a member sees the contact masked; a member without an offer sees nothing.
    const before = await world.ok('requests', 'get', { requestId: submitted.id }, PLUMBER_2);
    expect(before.contact).toEqual({ name: '张**', phone: '138****0001', address: '幸福里小区****', masked: true });
    const stranger = await world.call('requests', 'get', { requestId: submitted.id }, POLICY_MEMBER);
    expect(stranger).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const listed = await world.ok('requests', 'listOffers', {}, PLUMBER_2);
    expect(listed.items.map((item) => item.contact.phone)).toEqual(['138****0001']);

    const accepted = await world.ok('requests', 'accept', { requestId: submitted.id }, LINKED_MEMBER);
    expect(accepted.state).toBe('accepted');
    expect(accepted.contact).toEqual({ name: '张秀英', phone: '13800000001', address: '幸福里小区 3 栋 2 单元 401', masked: false });

    const late = await world.call('requests', 'accept', { requestId: submitted.id }, PLUMBER_2);
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const afterLoss = await world.ok('requests', 'get', { requestId: submitted.id }, PLUMBER_2);
    expect(afterLoss.contact.masked).toBe(true);
    expect((await world.ok('requests', 'listOffers', {}, PLUMBER_2)).items).toHaveLength(0);

    world.clock.advanceMinutes(30);
    const done = await world.ok('requests', 'complete', { requestId: submitted.id, note: '换了新的水管接头，已不漏水', photos: [] }, LINKED_MEMBER);
    expect(done).toMatchObject({ pointsAwarded: 15, balance: 15 });
    expect(done.request.state).toBe('completed');

    const residentView = await world.ok('requests', 'get', { requestId: submitted.id }, RESIDENT);
    expect(residentView.assignee).toMatchObject({ name: '王建国', phone: '13900000001' });
    expect(residentView.timeline.map((entry) => entry.kind)).toEqual(['submitted', 'offered', 'accepted', 'completed']);

    world.clock.advanceMinutes(1); // the rating comes later than the completion, so the history order is fixed
    const rated = await world.ok('requests', 'rate', { requestId: submitted.id, stars: 5, comment: '很及时，谢谢！' }, RESIDENT);
    expect(rated.state).toBe('rated');
    expect(rated.rating).toEqual({ stars: 5, comment: '很及时，谢谢！' });
    const again = await world.call('requests', 'rate', { requestId: submitted.id, stars: 3, comment: '' }, RESIDENT);
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const points = await world.ok('points', 'getMine', { limit: 20 }, LINKED_MEMBER);
    // 15 for the urgent repair, 3 more for the five-star rating (the community's default rules).
    expect(points.balance).toBe(18);
    expect(points.items).toEqual([
      expect.objectContaining({ amount: 3, memo: '居民好评（5 星）', kind: 'rating_bonus' }),
      expect.objectContaining({ amount: 15, memo: '完成求助：维修求助', kind: 'task_completed' }),
    ]);
    expect(ledgerSum()).toBe(0);

    const inbox = await world.ok('community', 'listInbox', { limit: 10 }, RESIDENT);
    expect(inbox.items.map((item) => item.title)).toEqual(['您的求助已办结', '您的求助已有人接单']);
  });

  test('a retried completion posts points once and answers the same', async () => {
    const request = await world.ok('requests', 'submit', repairRequest(), RESIDENT);
    await world.ok('requests', 'accept', { requestId: request.id }, LINKED_MEMBER);
    const input = { requestId: request.id, note: '已修好', photos: [] };
    const results = await Promise.all([1, 2, 3].map(() => world.ok('requests', 'complete', input, LINKED_MEMBER)));
    const retry = await world.ok('requests', 'complete', input, LINKED_MEMBER);
    for (const result of [...results, retry]) expect(result).toMatchObject({ pointsAwarded: 10, balance: 10 });
    expect(world.countNewPostings()).toBe(1);
    expect(ledgerSum()).toBe(0);
  });

  test('a retried submit with the same client token creates one request', async () => {
    const input = repairRequest();
    const [first, second] = await Promise.all([world.ok('requests', 'submit', input, RESIDENT), world.ok('requests', 'submit', input, RESIDENT)]);
    expect(second.id).toBe(first.id);
    expect(world.count('requests')).toBe(1);
    expect(world.count('offers')).toBe(3);
    // The same token with other words is another request, not a retry: refused, nothing added.
    const other = await world.call('requests', 'submit', { ...input, description: '厨房的灯也不亮了，请帮忙看看' }, RESIDENT);
    expect(other).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(world.count('requests')).toBe(1);
    expect(world.count('offers')).toBe(3);
  });

  test('a resident cannot accept, and only the assignee can complete', async () => {
    const request = await world.ok('requests', 'submit', repairRequest(), RESIDENT);
    expect(await world.call('requests', 'accept', { requestId: request.id }, OTHER_RESIDENT)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await world.call('requests', 'accept', { requestId: request.id }, POLICY_MEMBER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await world.ok('requests', 'accept', { requestId: request.id }, PLUMBER_3);
    expect(await world.call('requests', 'complete', { requestId: request.id, note: '我来办结', photos: [] }, PLUMBER_2)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(world.countNewPostings()).toBe(0);
  });

  test('another resident cannot see, cancel or rate my request', async () => {
    const request = await world.ok('requests', 'submit', repairRequest(), RESIDENT);
    for (const [action, data] of [
      ['get', { requestId: request.id }],
      ['cancel', { requestId: request.id }],
      ['rate', { requestId: request.id, stars: 1 }],
    ] as const) {
      expect(await world.call('requests', action, data, OTHER_RESIDENT)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });

  test('the resident can cancel before acceptance but not after', async () => {
    const first = await world.ok('requests', 'submit', repairRequest(), RESIDENT);
    const cancelled = await world.ok('requests', 'cancel', { requestId: first.id, reason: '已自己修好' }, RESIDENT);
    expect(cancelled.state).toBe('cancelled');
    expect(await world.call('requests', 'accept', { requestId: first.id }, LINKED_MEMBER)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await world.ok('requests', 'listOffers', {}, LINKED_MEMBER)).items).toHaveLength(0);

    const second = await world.ok('requests', 'submit', repairRequest(), RESIDENT);
    await world.ok('requests', 'accept', { requestId: second.id }, LINKED_MEMBER);
    expect(await world.call('requests', 'cancel', { requestId: second.id }, RESIDENT)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  test('photos must have been uploaded; uploaded ones are served back', async () => {
    const missing = await world.call('requests', 'submit', repairRequest({ photos: ['local/0123456789abcdef.jpg'] }), RESIDENT);
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(world.count('requests')).toBe(0);

    writeFileSync(join(uploadsDir(world.dataDir), '0123456789abcdef.jpg'), Buffer.from([0xff, 0xd8, 0xff]));
    const stored = await world.ok('requests', 'submit', repairRequest({ photos: ['local/0123456789abcdef.jpg'] }), RESIDENT);
    expect(stored.photoUrls).toEqual(['/files/0123456789abcdef.jpg']);
  });
});

describe('offer rounds and timeouts', () => {
  test('an offer nobody takes goes to new members with a wider radius, then to manual dispatch', async () => {
    const request = await world.ok('requests', 'submit', repairRequest(), RESIDENT);
    const offeredTo = () =>
      (world.local.store.db.prepare('SELECT member_id, round, status FROM offers WHERE request_id = ? ORDER BY round, member_id').all(request.id) as {
        member_id: string;
        round: number;
        status: string;
      }[]);
    expect(offeredTo().map((offer) => offer.round)).toEqual([1, 1, 1]);

    world.clock.advanceMinutes(14);
    await world.tick();
    expect(offeredTo().every((offer) => offer.status === 'pending')).toBe(true);

    world.clock.advanceMinutes(2);
    await world.tick();
    const second = offeredTo();
    expect(second.filter((offer) => offer.round === 1).every((offer) => offer.status === 'expired')).toBe(true);
    expect(second.filter((offer) => offer.round === 2)).toEqual([{ member_id: 'u_demo_member_11', round: 2, status: 'pending' }]);
    // The first round's members cannot take it any more.
    expect(await world.call('requests', 'accept', { requestId: request.id }, LINKED_MEMBER)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await world.ok('requests', 'listOffers', {}, FAR_PLUMBER)).items).toHaveLength(1);

    world.clock.advanceMinutes(16);
    await world.tick();
    const view = await world.ok('requests', 'get', { requestId: request.id }, RESIDENT);
    expect(view.state).toBe('needs_manual');
    expect(new Set(offeredTo().map((offer) => offer.member_id)).size).toBe(offeredTo().length);
    const adminInbox = await world.ok('community', 'listInbox', { limit: 5 }, ADMIN);
    expect(adminInbox.items[0]).toMatchObject({ title: '待人工派单：维修求助', requestId: request.id });
  });

  test('urgent requests time out sooner', async () => {
    const request = await world.ok('requests', 'submit', repairRequest({ urgency: 'urgent' }), RESIDENT);
    world.clock.advanceMinutes(6);
    await world.tick();
    const rounds = world.local.store.db.prepare('SELECT DISTINCT round FROM offers WHERE request_id = ?').all(request.id);
    expect(rounds).toHaveLength(2);
  });

  test('when every member of a round declines, the next round starts at once', async () => {
    const request = await world.ok('requests', 'submit', repairRequest(), RESIDENT);
    for (const openid of [LINKED_MEMBER, PLUMBER_2, PLUMBER_3]) {
      expect(await world.ok('requests', 'decline', { requestId: request.id, reason: '今天不在家' }, openid)).toEqual({ requestId: request.id, declined: true });
    }
    const pending = world.local.store.db.prepare(`SELECT member_id FROM offers WHERE request_id = ? AND status = 'pending'`).all(request.id);
    expect(pending).toEqual([{ member_id: 'u_demo_member_11' }]);
  });

  test('a request with no fitting member nearby goes straight to manual dispatch', async () => {
    const request = await world.ok('requests', 'submit', repairRequest({ location: { lat: 31.5, lng: 104.08 } }), RESIDENT);
    expect(request.state).toBe('needs_manual');
  });

  test('the scheduler refuses calls that did not come from its timer', async () => {
    const { SCHEDULER } = await import('../../src/server/host/mounted-functions');
    expect(await SCHEDULER({ Type: 'Timer' }, { localOpenId: ADMIN })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('racing accepts', () => {
  test('20 members accepting at once: exactly one winner', async () => {
    const crowd = seedCrowd(world, 20);
    const request = await world.ok('requests', 'submit', repairRequest({ location: { lat: 30.657, lng: 104.08 } }), crowd.residentOpenid);
    expect(world.count('offers')).toBe(20);
    const results = await Promise.all(crowd.memberOpenids.map((openid) => world.call('requests', 'accept', { requestId: request.id }, openid)));
    const winners = results.filter((result) => result.ok);
    expect(winners).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.error.code === 'CONFLICT')).toHaveLength(19);
    const accepted = world.local.store.db.prepare(`SELECT COUNT(*) AS n FROM offers WHERE request_id = ? AND status = 'accepted'`).get(request.id) as { n: number };
    expect(accepted.n).toBe(1);
  });
});
