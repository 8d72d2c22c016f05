import { SeedWriter } from '../../src/server/seed/seed-writer';
import { createTestWorld, fingerprint, type TestWorld } from '../support/test-runtime';
import { ADMIN, RESIDENT, seedDemo } from '../support/fixtures';

let world: TestWorld;
beforeEach(() => {
  world = createTestWorld();
  seedDemo(world);
});
afterEach(() => world.close());

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
/** Building 3 of 幸福里 gets nine more households, ten residents in all with 张秀英. */
function seedBuildingResidents(): string[] {
  const seed = new SeedWriter(world.local.store.db, world.clock.now());
  const openids = [RESIDENT];
  seed.inTransaction(() => {
    for (let i = 0; i < 9; i++) {
      seed.household({ id: `h_b1_${i}`, communityId: 'c_demo', gridId: 'g_demo_1', buildingId: 'b_demo_1', address: `幸福里小区 3 栋 ${i + 1} 单元 101` });
      seed.user({ id: `u_b1_${i}`, openid: `b1-${i}`, name: `三栋居民${i}`, phone: '13500000000', communityId: 'c_demo', roles: ['resident'], gridId: 'g_demo_1', householdId: `h_b1_${i}` });
      openids.push(`b1-${i}`);
    }
  });
  return openids;
}

const draft = (overrides: Record<string, unknown> = {}) => ({
  title: '是否在 3 栋加装电梯',
  proposal: '由业主共同出资、政府补贴，在 3 栋加装一部电梯，费用按楼层分摊。',
  buildingIds: ['b_demo_1'],
  voteStartsAt: iso(world.clock.now() + HOUR),
  voteEndsAt: iso(world.clock.now() + 49 * HOUR),
  quorumPercent: 60,
  ...overrides,
});

test('the five steps in order: draft, notice to the building, discussion and one vote each in the window, decision, published tally', async () => {
  const voters = seedBuildingResidents();
  const created = await world.ok('deliberations', 'createDraft', draft(), ADMIN);
  expect(created).toMatchObject({ status: 'draft', step: 0, scope: '幸福里小区 3 栋', options: ['同意', '反对', '弃权'], tally: null });
  // Residents do not see drafts.
  expect(await world.call('deliberations', 'get', { deliberationId: created.id }, RESIDENT)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

  const published = await world.ok('deliberations', 'publish', { deliberationId: created.id }, ADMIN);
  expect(published).toMatchObject({ status: 'published', step: 1, phase: 'not_started', eligibleCount: 10 });
  for (const openid of voters) {
    expect((await world.ok('community', 'listInbox', { limit: 5 }, openid)).items.map((item) => item.title)).toContain('议事公告：是否在 3 栋加装电梯');
  }
  // Residents of other buildings were not asked.
  expect((await world.ok('community', 'listInbox', { limit: 5 }, 'demo-resident-2')).items.map((item) => item.title)).not.toContain('议事公告：是否在 3 栋加装电梯');
  expect(await world.call('deliberations', 'vote', { deliberationId: created.id, option: 0 }, RESIDENT)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '投票还没有开始' } });

  world.clock.advanceMinutes(61);
  await world.ok('deliberations', 'comment', { deliberationId: created.id, text: '赞成，老人上下楼太难了' }, RESIDENT);
  const choices = [0, 0, 0, 0, 1, 1, 2];
  for (const [index, option] of choices.entries()) await world.ok('deliberations', 'vote', { deliberationId: created.id, option }, voters[index]);
  const during = await world.ok('deliberations', 'get', { deliberationId: created.id }, voters[9]);
  expect(during).toMatchObject({ step: 2, phase: 'open', votesCast: 7, canVote: true, tally: null });
  expect(during.comments).toEqual([expect.objectContaining({ name: '张**', text: '赞成，老人上下楼太难了' })]);

  // One vote each: a retry of the same vote is fine, a change is refused, an outsider is refused; nothing is written.
  const before = fingerprint(world);
  await world.ok('deliberations', 'vote', { deliberationId: created.id, option: 0 }, voters[0]);
  expect(await world.call('deliberations', 'vote', { deliberationId: created.id, option: 1 }, voters[0])).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '您已经投过票了，每人只能投一次' } });
  expect(await world.call('deliberations', 'vote', { deliberationId: created.id, option: 0 }, 'demo-resident-2')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await world.call('deliberations', 'vote', { deliberationId: created.id, option: 3 }, voters[8])).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  expect(await world.call('deliberations', 'decide', { deliberationId: created.id, decision: '同意加装电梯', actions: '下月启动招标' }, ADMIN)).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT', message: '投票还没有截止，不能记录协商结果' },
  });
  expect(await world.call('deliberations', 'announce', { deliberationId: created.id }, ADMIN)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  expect(fingerprint(world)).toBe(before);

  world.clock.advanceMinutes(48 * 60);
  expect(await world.call('deliberations', 'vote', { deliberationId: created.id, option: 0 }, voters[9])).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '投票已经截止' } });
  expect(await world.call('deliberations', 'comment', { deliberationId: created.id, text: '我来晚了' }, voters[9])).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  const closed = await world.ok('deliberations', 'get', { deliberationId: created.id }, RESIDENT);
  // 7 of 10 voted, quorum 60% = 6: the result counts, 同意 leads.
  expect(closed.tally).toEqual({ counts: [4, 2, 1], votes: 7, eligible: 10, quorum: 6, quorumMet: true, leading: 0 });

  const decided = await world.ok(
    'deliberations',
    'decide',
    { deliberationId: created.id, decision: '多数居民同意加装电梯', actions: '12 月启动招标，明年 5 月前完工', project: { ownerDepartment: '街道城建科', targetDate: '2027-05-31' } },
    ADMIN,
  );
  expect(decided).toMatchObject({ status: 'decided', step: 3 });
  expect(decided.projectId).not.toBeNull();
  const project = await world.ok('ledgers', 'getProject', { projectId: decided.projectId as string }, RESIDENT);
  expect(project).toMatchObject({ source: 'deliberation', title: '是否在 3 栋加装电梯', ownerDepartment: '街道城建科', targetDate: '2027-05-31' });
  expect(await world.call('deliberations', 'decide', { deliberationId: created.id, decision: '再议一次', actions: '再议一次' }, ADMIN)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

  const announced = await world.ok('deliberations', 'announce', { deliberationId: created.id }, ADMIN);
  expect(announced).toMatchObject({ status: 'announced', step: 4, tally: { counts: [4, 2, 1] } });
  const notice = (await world.ok('community', 'listInbox', { limit: 5 }, voters[9])).items.find((item) => item.title === '议事结果公示：是否在 3 栋加装电梯');
  expect(notice?.body).toContain('同意 4 票，反对 2 票，弃权 1 票');
  expect(await world.call('deliberations', 'publish', { deliberationId: created.id }, ADMIN)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
});

test('without quorum the tally says so and nothing leads', async () => {
  const voters = seedBuildingResidents();
  const { id } = await world.ok('deliberations', 'createDraft', draft({ voteStartsAt: iso(world.clock.now()) }), ADMIN);
  await world.ok('deliberations', 'publish', { deliberationId: id }, ADMIN);
  for (const voter of voters.slice(0, 5)) await world.ok('deliberations', 'vote', { deliberationId: id, option: 0 }, voter);
  world.clock.advanceMinutes(49 * 60);
  expect((await world.ok('deliberations', 'get', { deliberationId: id }, ADMIN)).tally).toEqual({ counts: [5, 0, 0], votes: 5, eligible: 10, quorum: 6, quorumMet: false, leading: null });
});

test('racing votes by one resident count once', async () => {
  const voters = seedBuildingResidents();
  const { id } = await world.ok('deliberations', 'createDraft', draft({ voteStartsAt: iso(world.clock.now()) }), ADMIN);
  await world.ok('deliberations', 'publish', { deliberationId: id }, ADMIN);
  const results = await Promise.all([0, 1, 0, 2, 1, 0].map((option) => world.call('deliberations', 'vote', { deliberationId: id, option }, voters[1])));
  expect(world.count('deliberation_votes')).toBe(1);
  expect(results.filter((result) => result.ok).length).toBeGreaterThanOrEqual(1);
});

test('bad drafts are refused and write nothing; a notice with nobody to ask is refused', async () => {
  const before = fingerprint(world);
  for (const input of [
    draft({ voteEndsAt: iso(world.clock.now()) }),
    draft({ options: ['同意'] }),
    draft({ options: ['同意', '同意'] }),
    draft({ buildingIds: ['b_demo_other'] }),
    draft({ quorumPercent: 0 }),
  ]) {
    expect(await world.call('deliberations', 'createDraft', input, ADMIN)).toMatchObject({ ok: false });
  }
  expect(fingerprint(world)).toBe(before);
  const past = await world.ok('deliberations', 'createDraft', draft({ voteStartsAt: iso(world.clock.now() - 3 * HOUR), voteEndsAt: iso(world.clock.now() - HOUR) }), ADMIN);
  expect(await world.call('deliberations', 'publish', { deliberationId: past.id }, ADMIN)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
});
