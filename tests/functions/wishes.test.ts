import { SeedWriter } from '../../src/server/seed/seed-writer';
import { DEMO_CENTER, offset } from '../../src/server/seed/demo-data';
import { createTestWorld, fingerprint, type TestWorld } from '../support/test-runtime';
import { ADMIN, GRID_WORKER, RESIDENT, repairRequest, seedDemo } from '../support/fixtures';

let world: TestWorld;
beforeEach(() => {
  world = createTestWorld();
  seedDemo(world);
});
afterEach(() => world.close());

const wish = (overrides: Record<string, unknown> = {}) => repairRequest({ category: 'wish', description: '老伴卧床，想请人上门理个发', neededSkill: '助老陪护', ...overrides });

/** 20 volunteers of the demo community living around the centre, all approved. */
function seedClaimers(count: number): string[] {
  const seed = new SeedWriter(world.local.store.db, world.clock.now());
  const openids: string[] = [];
  seed.inTransaction(() => {
    for (let i = 0; i < count; i++) {
      const home = offset(DEMO_CENTER, 100 + i * 10, 50);
      seed.user({ id: `u_claimer_${i}`, openid: `claimer-${i}`, name: `志愿者${i}`, phone: '13600000000', communityId: 'c_demo', roles: ['volunteer', 'resident'], gridId: 'g_demo_1', home });
      seed.member({ userId: `u_claimer_${i}`, communityId: 'c_demo', gridId: 'g_demo_1', skills: ['助老陪护'], home, kind: 'volunteer' });
      openids.push(`claimer-${i}`);
    }
  });
  return openids;
}

test('a wish is not dispatched: it waits on the board, nearest first, filtered by skill and distance', async () => {
  const posted = await world.ok('requests', 'submit', wish(), RESIDENT);
  expect(posted).toMatchObject({ state: 'submitted', assignee: null });
  expect(posted.timeline.map((entry) => entry.kind)).toEqual(['submitted', 'wish_posted']);
  expect(world.count('offers')).toBe(0);
  const far = await world.ok('requests', 'fileOnBehalf', { ...wish({ description: '想要一套小学三年级的课外书', neededSkill: '代跑代办', location: offset(DEMO_CENTER, 6000, 0) }), residentId: 'u_demo_resident_2' }, GRID_WORKER);

  const board = await world.ok('requests', 'listWishes', {}, 'demo-member-1');
  expect(board.items.map((item) => item.id)).toEqual([posted.id]);
  expect(board.items[0]).toMatchObject({ neededSkill: '助老陪护', residentName: '张**' });
  expect(board.items[0].address).not.toContain('401');
  expect((await world.ok('requests', 'listWishes', { maxDistanceM: 10_000 }, 'demo-member-1')).items.map((item) => item.id)).toEqual([posted.id, far.id]);
  expect((await world.ok('requests', 'listWishes', { maxDistanceM: 10_000, skill: '代跑代办' }, 'demo-member-1')).items.map((item) => item.id)).toEqual([far.id]);
  // Another community sees none of them.
  expect((await world.ok('requests', 'listWishes', { maxDistanceM: 20_000 }, 'demo-member-other')).items).toEqual([]);
});

test('20 claimers race for one wish: exactly one wins, the rest are told it is taken, nothing else changes', async () => {
  const posted = await world.ok('requests', 'submit', wish(), RESIDENT);
  const claimers = seedClaimers(20);
  const results = await Promise.all(claimers.map((openid) => world.call('requests', 'claimWish', { requestId: posted.id }, openid)));
  const winners = results.filter((result) => result.ok);
  expect(winners).toHaveLength(1);
  expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.error)).toEqual(
    Array.from({ length: 19 }, () => expect.objectContaining({ code: 'CONFLICT', message: '这个心愿已被其他人认领' })),
  );
  const winner = claimers[results.findIndex((result) => result.ok)];
  // The winner's retry answers like the first claim; the board no longer shows it.
  expect(await world.ok('requests', 'claimWish', { requestId: posted.id }, winner)).toMatchObject({ state: 'accepted' });
  expect((await world.ok('requests', 'listWishes', {}, claimers[0])).items).toEqual([]);
  const seen = await world.ok('requests', 'get', { requestId: posted.id }, RESIDENT);
  expect(seen.timeline.filter((entry) => entry.kind === 'wish_claimed')).toHaveLength(1);
  expect((await world.ok('community', 'listInbox', { limit: 10 }, RESIDENT)).items.filter((item) => item.title === '您的心愿有人认领了')).toHaveLength(1);
});

test('the claimer fulfils it with a photo, the resident thanks them with a rating, points follow the community rules', async () => {
  const posted = await world.ok('requests', 'submit', wish(), RESIDENT);
  await world.ok('requests', 'claimWish', { requestId: posted.id }, 'demo-member-1');
  const before = fingerprint(world);
  expect(await world.call('requests', 'complete', { requestId: posted.id, note: '已上门理发', photos: [] }, 'demo-member-1')).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION_FAILED', message: '请上传一张完成心愿的照片' },
  });
  expect(fingerprint(world)).toBe(before);

  const photo = 'local/0123abcd-wish-photo.jpg';
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  mkdirSync(join(world.dataDir, 'uploads'), { recursive: true });
  writeFileSync(join(world.dataDir, 'uploads', '0123abcd-wish-photo.jpg'), Buffer.from([0xff, 0xd8, 0xff]));
  const done = await world.ok('requests', 'complete', { requestId: posted.id, note: '已上门理发', photos: [photo] }, 'demo-member-1');
  expect(done.pointsAwarded).toBe(8);
  expect(done.request.completionPhotoUrls).toHaveLength(1);
  const thanked = await world.ok('requests', 'rate', { requestId: posted.id, stars: 5, comment: '谢谢小王' }, RESIDENT);
  expect(thanked.state).toBe('rated');
  expect((await world.ok('points', 'getMine', {}, 'demo-member-1')).balance).toBeGreaterThanOrEqual(8);
});

test('a resident cannot claim their own wish, a pending applicant cannot claim, a claimed or cancelled wish is gone', async () => {
  const posted = await world.ok('requests', 'submit', wish(), 'demo-member-2');
  expect(await world.call('requests', 'claimWish', { requestId: posted.id }, 'demo-member-2')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '不能认领自己的心愿' } });
  const mine = await world.ok('requests', 'submit', wish(), RESIDENT);
  await world.ok('requests', 'cancel', { requestId: mine.id, reason: '' }, RESIDENT);
  expect(await world.call('requests', 'claimWish', { requestId: mine.id }, 'demo-member-1')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '居民已撤回这个心愿' } });
  const repair = await world.ok('requests', 'submit', repairRequest(), RESIDENT);
  expect(await world.call('requests', 'claimWish', { requestId: repair.id }, 'demo-member-1')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  // Admins can still hand a wish to someone by hand.
  const assigned = await world.ok('requests', 'assign', { requestId: posted.id, memberId: 'u_demo_member_3', note: '' }, ADMIN);
  expect(assigned.state).toBe('accepted');
});

test('联系网格员: a resident gets their grid worker, a resident of a grid without one gets the admin', async () => {
  expect(await world.ok('community', 'getMyGridWorker', {}, RESIDENT)).toEqual({ contact: { name: '刘网格员', phone: '13700000002', role: 'grid_worker' } });
  expect(await world.ok('community', 'getMyGridWorker', {}, 'demo-resident-3')).toEqual({ contact: { name: '陈书记', phone: '13700000001', role: 'admin' } });
});
