import { createTestWorld, fingerprint, type TestWorld } from '../support/test-runtime';
import { ADMIN, GRID_WORKER, LINKED_MEMBER, OTHER_ADMIN, OTHER_RESIDENT, PLUMBER_2, RESIDENT, repairRequest, seedDemo } from '../support/fixtures';

/**
 * User text is checked before anything is written (the local word list stands in for msgSecCheck v2):
 * 'risky' is refused; 'review' holds a request for an admin and refuses a comment.
 */

let world: TestWorld;
beforeEach(() => {
  world = createTestWorld();
  seedDemo(world);
});
afterEach(() => world.close());

const RISKY = '楼下有人聚众赌博，吵得睡不着';
const REVIEW = '楼道漏水一直没人管，大家准备集体讨说法';
const REJECTED = { ok: false, error: { code: 'CONTENT_REJECTED', message: '内容含有不适宜的信息，请修改后再提交' } };
const NEEDS_REVIEW = { ok: false, error: { code: 'CONTENT_REJECTED', message: '内容需要人工审核，请换个说法或联系社区' } };

function offersFor(requestId: string): number {
  return (world.local.store.db.prepare('SELECT COUNT(*) AS n FROM offers WHERE request_id = ?').get(requestId) as { n: number }).n;
}

function outboxOf(userId: string, kind: string): { title: string; body: string; request_id: string | null }[] {
  return world.local.store.db.prepare('SELECT title, body, request_id FROM outbox WHERE user_id = ? AND kind = ?').all(userId, kind) as never;
}

async function held(description = REVIEW, overrides: Record<string, unknown> = {}) {
  const request = await world.ok('requests', 'submit', repairRequest({ description, ...overrides }), RESIDENT);
  expect(request.state).toBe('held');
  return request;
}

/** A request taken by 王建国, done, so it can be rated. */
async function completedRequest(): Promise<string> {
  const { id } = await world.ok('requests', 'submit', repairRequest(), RESIDENT);
  await world.ok('requests', 'accept', { requestId: id }, LINKED_MEMBER);
  await world.ok('requests', 'complete', { requestId: id, note: '换了新的水管接头', photos: [] }, LINKED_MEMBER);
  return id;
}

describe('requests', () => {
  test('risky words are refused and nothing is written: a submit, a wish, a suggestion, and 代办登记', async () => {
    const before = fingerprint(world);
    expect(await world.call('requests', 'submit', repairRequest({ description: RISKY }), RESIDENT)).toMatchObject(REJECTED);
    expect(await world.call('requests', 'submit', repairRequest({ category: 'wish', description: `想要${RISKY}` }), RESIDENT)).toMatchObject(REJECTED);
    expect(await world.call('requests', 'submit', repairRequest({ category: 'suggestion', description: `建议整治：${RISKY}` }), RESIDENT)).toMatchObject(REJECTED);
    expect(await world.call('requests', 'fileOnBehalf', { ...repairRequest({ description: RISKY }), residentId: 'u_demo_resident_1' }, GRID_WORKER)).toMatchObject(REJECTED);
    expect(fingerprint(world)).toBe(before);
  });

  test('review words: stored held, not dispatched, not in similar requests, staff told; the resident sees why', async () => {
    const request = await held();
    expect(request.timeline.map((entry) => entry.kind)).toEqual(['submitted', 'held']);
    expect(request.timeline[1].text).toBe('社区正在审核求助内容，审核通过后会立即派单');
    expect(request.actions).toMatchObject({ cancel: true, review: false, accept: false });
    expect(offersFor(request.id)).toBe(0);

    // Nobody but the resident and the community's staff can see it; other residents are not shown its words.
    expect(await world.call('requests', 'get', { requestId: request.id }, LINKED_MEMBER)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await world.ok('requests', 'findSimilar', { category: 'repair', location: repairRequest().location }, OTHER_RESIDENT)).items).toEqual([]);
    expect((await world.ok('requests', 'listOffers', {}, LINKED_MEMBER)).items).toEqual([]);

    for (const userId of ['u_demo_admin', 'u_demo_grid_1']) {
      expect(outboxOf(userId, 'held_for_review')).toEqual([{ title: '求助待审核：维修求助', body: '内容需要人工审核，请点开通过或驳回', request_id: request.id }]);
    }
    const staffList = await world.ok('requests', 'listForStaff', { scope: 'held' }, ADMIN);
    expect(staffList.items.map((item) => item.id)).toEqual([request.id]);
    expect(staffList.items[0].actions.review).toBe(true);
    expect((await world.ok('requests', 'listForStaff', { scope: 'open' }, ADMIN)).items.map((item) => item.id)).not.toContain(request.id);

    // A retry with the same client token returns the held request, not a second one.
    const again = await world.ok('requests', 'submit', repairRequest({ description: REVIEW, clientToken: (world.local.store.db.prepare('SELECT client_token FROM requests WHERE id = ?').get(request.id) as { client_token: string }).client_token }), RESIDENT);
    expect(again.id).toBe(request.id);
  });

  test('a held wish stays off the board until it is released', async () => {
    const wish = await held(`想找人陪我聊聊天，${REVIEW}`, { category: 'wish' });
    expect((await world.ok('requests', 'listWishes', {}, LINKED_MEMBER)).items).toEqual([]);
    const released = await world.ok('requests', 'releaseHeld', { requestId: wish.id }, ADMIN);
    expect(released.state).toBe('submitted');
    expect(released.timeline.map((entry) => entry.kind)).toEqual(['submitted', 'held', 'held_released', 'wish_posted']);
    expect((await world.ok('requests', 'listWishes', {}, LINKED_MEMBER)).items.map((item) => item.id)).toEqual([wish.id]);
  });

  test('release: dispatched exactly as a fresh submit (offers out, members told), the resident told', async () => {
    const request = await held();
    const released = await world.ok('requests', 'releaseHeld', { requestId: request.id }, ADMIN);
    expect(released.state).toBe('dispatching');
    expect(released.timeline.map((entry) => entry.kind)).toEqual(['submitted', 'held', 'held_released', 'offered']);
    expect(offersFor(request.id)).toBe(3);
    expect(outboxOf('u_demo_resident_1', 'request_released')).toHaveLength(1);
    expect((await world.ok('requests', 'listOffers', {}, PLUMBER_2)).items.map((item) => item.id)).toEqual([request.id]);
    // Released means reviewed: a member can now take it.
    expect(await world.ok('requests', 'accept', { requestId: request.id }, LINKED_MEMBER)).toMatchObject({ state: 'accepted' });
  });

  test('reject: cancelled with the reason the resident reads, in the history and the inbox; never dispatched', async () => {
    const request = await held();
    const rejected = await world.ok('requests', 'rejectHeld', { requestId: request.id, reason: '涉及集体诉求，请到社区当面反映' }, GRID_WORKER);
    expect(rejected.state).toBe('cancelled');
    const seen = await world.ok('requests', 'get', { requestId: request.id }, RESIDENT);
    expect(seen.timeline.at(-1)).toMatchObject({ kind: 'held_rejected', text: '社区审核未通过：涉及集体诉求，请到社区当面反映' });
    expect(outboxOf('u_demo_resident_1', 'request_rejected')).toEqual([{ title: '您的求助未通过审核', body: '涉及集体诉求，请到社区当面反映', request_id: request.id }]);
    expect(offersFor(request.id)).toBe(0);
    expect(await world.call('requests', 'releaseHeld', { requestId: request.id }, ADMIN)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  test('two staff deciding at once: one wins, the other gets CONFLICT and changes nothing', async () => {
    const first = await held();
    const race = await Promise.all([
      world.call('requests', 'releaseHeld', { requestId: first.id }, ADMIN),
      world.call('requests', 'releaseHeld', { requestId: first.id }, GRID_WORKER),
    ]);
    expect(race.filter((result) => result.ok)).toHaveLength(1);
    expect(race.filter((result) => !result.ok)).toEqual([expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'CONFLICT' }) })]);
    expect(offersFor(first.id)).toBe(3);

    const second = await held(`${REVIEW}，第二次`);
    const mixed = await Promise.all([
      world.call('requests', 'rejectHeld', { requestId: second.id, reason: '请换个说法' }, GRID_WORKER),
      world.call('requests', 'releaseHeld', { requestId: second.id }, ADMIN),
    ]);
    expect(mixed.filter((result) => result.ok)).toHaveLength(1);
    expect(mixed.filter((result) => !result.ok && result.error.code === 'CONFLICT')).toHaveLength(1);
  });

  test('only staff of that community may decide; a resident may still withdraw their own held request', async () => {
    const request = await held();
    const before = fingerprint(world);
    for (const openid of [RESIDENT, LINKED_MEMBER]) {
      expect(await world.call('requests', 'releaseHeld', { requestId: request.id }, openid)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await world.call('requests', 'rejectHeld', { requestId: request.id, reason: '不通过' }, openid)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await world.call('requests', 'releaseHeld', { requestId: request.id }, OTHER_ADMIN)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(fingerprint(world)).toBe(before);

    expect(await world.ok('requests', 'cancel', { requestId: request.id, reason: '' }, RESIDENT)).toMatchObject({ state: 'cancelled' });
  });

  test('a request that passes is dispatched at once, as before', async () => {
    const request = await world.ok('requests', 'submit', repairRequest(), RESIDENT);
    expect(request.state).toBe('dispatching');
    // …and, unlike a held one, its neighbours are told it is already reported.
    expect((await world.ok('requests', 'findSimilar', { category: 'repair', location: repairRequest().location }, OTHER_RESIDENT)).items).toEqual([{ category: 'repair', distanceM: 0, minutesAgo: 0 }]);
  });
});

describe('comments and notes', () => {
  test('deliberation comments: risky refused, review refused with a way forward, nothing written', async () => {
    const iso = (ms: number) => new Date(ms).toISOString();
    const { id } = await world.ok(
      'deliberations',
      'createDraft',
      { title: '是否在 3 栋加装电梯', proposal: '由业主共同出资、政府补贴，在 3 栋加装一部电梯。', voteStartsAt: iso(world.clock.now()), voteEndsAt: iso(world.clock.now() + 3_600_000), quorumPercent: 50 },
      ADMIN,
    );
    await world.ok('deliberations', 'publish', { deliberationId: id }, ADMIN);
    const before = fingerprint(world);
    expect(await world.call('deliberations', 'comment', { deliberationId: id, text: RISKY }, RESIDENT)).toMatchObject(REJECTED);
    expect(await world.call('deliberations', 'comment', { deliberationId: id, text: REVIEW }, RESIDENT)).toMatchObject(NEEDS_REVIEW);
    expect(fingerprint(world)).toBe(before);
    await world.ok('deliberations', 'comment', { deliberationId: id, text: '赞成，老人上下楼太难了' }, RESIDENT);
    expect(world.count('deliberation_comments')).toBe(1);
  });

  test('rating comments, completion notes and reopen reasons are checked the same way', async () => {
    const requestId = await completedRequest();
    const before = fingerprint(world);
    expect(await world.call('requests', 'rate', { requestId, stars: 1, comment: RISKY }, RESIDENT)).toMatchObject(REJECTED);
    expect(await world.call('requests', 'rate', { requestId, stars: 1, comment: REVIEW }, RESIDENT)).toMatchObject(NEEDS_REVIEW);
    expect(await world.call('requests', 'reopen', { requestId, reason: REVIEW }, RESIDENT)).toMatchObject(NEEDS_REVIEW);
    expect(fingerprint(world)).toBe(before);
    // Without a comment there is nothing to check.
    expect(await world.ok('requests', 'rate', { requestId, stars: 5, comment: '' }, RESIDENT)).toMatchObject({ state: 'rated' });

    const { id } = await world.ok('requests', 'submit', repairRequest(), RESIDENT);
    await world.ok('requests', 'accept', { requestId: id }, LINKED_MEMBER);
    const beforeNote = fingerprint(world);
    expect(await world.call('requests', 'complete', { requestId: id, note: RISKY, photos: [] }, LINKED_MEMBER)).toMatchObject(REJECTED);
    expect(fingerprint(world)).toBe(beforeNote);
  });

  test('a cancel reason is checked; cancelling without one is not', async () => {
    const { id } = await world.ok('requests', 'submit', repairRequest(), RESIDENT);
    const before = fingerprint(world);
    expect(await world.call('requests', 'cancel', { requestId: id, reason: RISKY }, RESIDENT)).toMatchObject(REJECTED);
    expect(fingerprint(world)).toBe(before);
    expect(await world.ok('requests', 'cancel', { requestId: id }, RESIDENT)).toMatchObject({ state: 'cancelled' });
  });
});
