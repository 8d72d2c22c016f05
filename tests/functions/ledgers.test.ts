import { SeedWriter } from '../../src/server/seed/seed-writer';
import { createTestWorld, fingerprint, type TestWorld } from '../support/test-runtime';
import { ADMIN, GRID_WORKER, OTHER_RESIDENT, RESIDENT, repairRequest, seedDemo } from '../support/fixtures';

let world: TestWorld;
beforeEach(() => {
  world = createTestWorld();
  seedDemo(world);
});
afterEach(() => world.close());

const DAY = 24 * 60;
/** Moves the test clock to a China wall-clock time. */
function setChinaTime(world: TestWorld, year: number, month: number, day: number, hour = 9) {
  world.clock.current = Date.UTC(year, month - 1, day, hour - 8, 0, 0);
}
const inbox = async (openid: string) => (await world.ok('community', 'listInbox', { limit: 50 }, openid)).items;

const PROJECT = {
  title: '三栋加装电梯',
  description: '为 3 栋加装电梯，方便老人出行',
  ownerDepartment: '街道城建科',
  ownerId: 'u_demo_grid_1',
  targetDate: '2027-06-30',
  milestones: [
    { title: '完成设计', dueDate: '2027-01-31' },
    { title: '完成安装', dueDate: '2027-05-31' },
  ],
};

describe('民意民盼台账 (demand ledger)', () => {
  test('lists every request with grid, handler and times; filters by category, state and month; pages', async () => {
    const repair = await world.ok('requests', 'submit', repairRequest(), RESIDENT);
    world.clock.advanceMinutes(1);
    const suggestion = await world.ok('requests', 'submit', repairRequest({ category: 'suggestion', description: '建议在小区门口增设休息座椅' }), OTHER_RESIDENT);
    world.clock.advanceMinutes(1);
    await world.ok('requests', 'accept', { requestId: repair.id }, 'demo-member-1');

    const all = await world.ok('ledgers', 'listDemand', { limit: 20 }, ADMIN);
    expect(all.items.map((line) => line.requestId)).toEqual([suggestion.id, repair.id]);
    expect(all.items[1]).toMatchObject({ category: 'repair', state: 'accepted', residentName: '张秀英', assigneeName: '王建国', gridName: '第一网格（幸福里小区）', suggestionReply: null });
    expect(all.items[1].acceptedAt).not.toBeNull();

    expect((await world.ok('ledgers', 'listDemand', { category: 'suggestion', limit: 20 }, ADMIN)).items.map((line) => line.requestId)).toEqual([suggestion.id]);
    expect((await world.ok('ledgers', 'listDemand', { state: 'accepted', limit: 20 }, GRID_WORKER)).items.map((line) => line.requestId)).toEqual([repair.id]);
    expect((await world.ok('ledgers', 'listDemand', { period: '2026-11', limit: 20 }, ADMIN)).items).toHaveLength(2);
    expect((await world.ok('ledgers', 'listDemand', { period: '2026-10', limit: 20 }, ADMIN)).items).toHaveLength(0);

    const first = await world.ok('ledgers', 'listDemand', { limit: 1 }, ADMIN);
    expect(first.nextCursor).not.toBeNull();
    const second = await world.ok('ledgers', 'listDemand', { limit: 1, cursor: first.nextCursor ?? undefined }, ADMIN);
    expect(second.items.map((line) => line.requestId)).toEqual([repair.id]);
    expect(await world.call('ledgers', 'listDemand', { period: '2026-13', limit: 20 }, ADMIN)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  test('a suggestion is answered once; the resident reads the answer in the request, its timeline and the inbox', async () => {
    const repair = await world.ok('requests', 'submit', repairRequest(), RESIDENT);
    const suggestion = await world.ok('requests', 'submit', repairRequest({ category: 'suggestion', description: '建议在小区门口增设休息座椅' }), RESIDENT);
    const answer = { requestId: suggestion.id, adopted: true, reply: '感谢建议，下月在门口增设 4 张座椅' };

    const before = fingerprint(world);
    expect(await world.call('ledgers', 'replySuggestion', { ...answer, requestId: repair.id }, ADMIN)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '只有「意见建议」可以标记采纳' } });
    expect(await world.call('ledgers', 'replySuggestion', { ...answer, reply: '好' }, ADMIN)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(fingerprint(world)).toBe(before);

    const line = await world.ok('ledgers', 'replySuggestion', answer, ADMIN);
    expect(line.suggestionReply).toMatchObject({ adopted: true, reply: answer.reply, repliedByName: '陈书记' });
    // A retry with the same answer is fine and writes nothing more; a different second answer is refused.
    const afterFirst = fingerprint(world);
    await world.ok('ledgers', 'replySuggestion', answer, ADMIN);
    expect(fingerprint(world)).toBe(afterFirst);
    expect(await world.call('ledgers', 'replySuggestion', { ...answer, adopted: false }, ADMIN)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(fingerprint(world)).toBe(afterFirst);

    const seen = await world.ok('requests', 'get', { requestId: suggestion.id }, RESIDENT);
    expect(seen.suggestionReply).toMatchObject({ adopted: true, reply: answer.reply });
    expect(seen.timeline.map((entry) => entry.text)).toContain(`您的建议已被社区采纳：${answer.reply}`);
    expect((await inbox(RESIDENT)).filter((item) => item.title === '您的建议已被社区采纳')).toHaveLength(1);
  });
});

describe('民生实事台账 (livelihood projects)', () => {
  test('bad input is refused with a clear reason and writes nothing', async () => {
    const before = fingerprint(world);
    const refused = [
      { ...PROJECT, milestones: [{ title: '完成设计', dueDate: '2027-08-01' }] },
      { ...PROJECT, ownerId: 'u_demo_resident_1' },
      { ...PROJECT, targetDate: '2027-02-30' },
      { ...PROJECT, milestones: [] },
      { ...PROJECT, title: '电梯' },
    ];
    const messages = [];
    for (const input of refused) {
      const result = await world.call('ledgers', 'createProject', input, ADMIN);
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      if (!result.ok) messages.push(result.error.message);
    }
    expect(messages.slice(0, 2)).toEqual(['节点「完成设计」晚于完成时限', '张秀英不是社区工作人员，请选择管理员或网格员负责']);
    expect(fingerprint(world)).toBe(before);
  });

  test('the owner reports monthly; reminders from the 20th once a day, a missed 25th is flagged once; write-off needs every milestone', async () => {
    setChinaTime(world, 2026, 11, 2);
    const project = await world.ok('ledgers', 'createProject', PROJECT, ADMIN);
    expect(project).toMatchObject({ status: 'in_progress', ownerName: '刘网格员', source: 'admin', lateMonths: [], dueSoon: false, supportCount: 0 });
    expect((await inbox(GRID_WORKER)).map((item) => item.title)).toContain('您负责一个民生实事项目');

    // Only the owner or an admin reports; the percentage never goes back.
    const seed = new SeedWriter(world.local.store.db, world.clock.now());
    seed.inTransaction(() => seed.user({ id: 'u_gw_2', openid: 'gridworker-2', name: '周网格员', phone: '13700000009', communityId: 'c_demo', roles: ['grid_worker', 'resident'], gridId: 'g_demo_2' }));
    const before = fingerprint(world);
    expect(await world.call('ledgers', 'addProgress', { projectId: project.id, text: '完成现场勘查', percent: 10 }, 'gridworker-2')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '只有项目负责人或社区管理员可以填报' },
    });
    expect(fingerprint(world)).toBe(before);

    setChinaTime(world, 2026, 11, 19);
    await world.tick();
    expect((await inbox(GRID_WORKER)).filter((item) => item.title === '请填报民生实事本月进展')).toHaveLength(0);

    setChinaTime(world, 2026, 11, 20);
    await world.tick();
    await world.tick();
    expect((await inbox(GRID_WORKER)).filter((item) => item.title === '请填报民生实事本月进展')).toHaveLength(1);
    expect((await world.ok('ledgers', 'getProject', { projectId: project.id }, ADMIN)).dueSoon).toBe(true);
    setChinaTime(world, 2026, 11, 21);
    await world.tick();
    expect((await inbox(GRID_WORKER)).filter((item) => item.title === '请填报民生实事本月进展')).toHaveLength(2);

    const reported = await world.ok('ledgers', 'addProgress', { projectId: project.id, text: '完成现场勘查和设计招标', percent: 20 }, GRID_WORKER);
    expect(reported).toMatchObject({ dueSoon: false, latestProgress: { month: '2026-11', percent: 20 } });
    expect(reported.progress).toEqual([expect.objectContaining({ month: '2026-11', authorName: '刘网格员' })]);
    setChinaTime(world, 2026, 11, 22);
    await world.tick();
    expect((await inbox(GRID_WORKER)).filter((item) => item.title === '请填报民生实事本月进展')).toHaveLength(2);

    // December: nothing entered by the 25th.
    setChinaTime(world, 2026, 12, 26);
    await world.tick();
    await world.tick();
    const late = await world.ok('ledgers', 'getProject', { projectId: project.id }, ADMIN);
    expect(late.lateMonths).toEqual(['2026-12']);
    expect((await inbox(GRID_WORKER)).filter((item) => item.title === '民生实事进展逾期未报')).toHaveLength(1);
    expect((await inbox(ADMIN)).filter((item) => item.title === '民生实事进展逾期未报')).toHaveLength(1);
    const lower = await world.call('ledgers', 'addProgress', { projectId: project.id, text: '设计需要返工重做', percent: 10 }, ADMIN);
    expect(lower).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '完成百分比不能低于上月的 20%' } });

    expect(await world.call('ledgers', 'writeOffProject', { projectId: project.id, note: '电梯已投入使用' }, ADMIN)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '还有 2 个推进节点没有完成（完成设计、完成安装），不能销账' },
    });
    await world.ok('ledgers', 'completeMilestone', { projectId: project.id, index: 0 }, GRID_WORKER);
    await world.ok('ledgers', 'completeMilestone', { projectId: project.id, index: 0 }, GRID_WORKER);
    await world.ok('ledgers', 'completeMilestone', { projectId: project.id, index: 1 }, ADMIN);
    const done = await world.ok('ledgers', 'writeOffProject', { projectId: project.id, note: '电梯已投入使用，居民满意' }, ADMIN);
    expect(done).toMatchObject({ status: 'written_off', writeOffNote: '电梯已投入使用，居民满意', lateMonths: ['2026-12'] });
    expect(done.milestones.every((milestone) => milestone.doneAt !== null)).toBe(true);
    // Written off: no more reports, reminders or support.
    expect(await world.call('ledgers', 'addProgress', { projectId: project.id, text: '补充说明情况', percent: 100 }, ADMIN)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await world.call('ledgers', 'supportProject', { projectId: project.id }, RESIDENT)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    setChinaTime(world, 2027, 1, 26);
    await world.tick();
    expect((await inbox(GRID_WORKER)).filter((item) => item.title === '民生实事进展逾期未报')).toHaveLength(1);
    expect((await world.ok('ledgers', 'listProjects', { status: 'written_off' }, ADMIN)).items.map((item) => item.id)).toEqual([project.id]);
    expect((await world.ok('ledgers', 'listProjects', { status: 'in_progress' }, ADMIN)).items).toEqual([]);
  });

  test('a project started after the 25th owes nothing that month', async () => {
    setChinaTime(world, 2026, 11, 27);
    const project = await world.ok('ledgers', 'createProject', PROJECT, ADMIN);
    setChinaTime(world, 2026, 12, 10);
    await world.tick();
    expect((await world.ok('ledgers', 'getProject', { projectId: project.id }, ADMIN)).lateMonths).toEqual([]);
    setChinaTime(world, 2026, 12, 26);
    expect((await world.ok('ledgers', 'getProject', { projectId: project.id }, ADMIN)).lateMonths).toEqual(['2026-12']);
  });

  test('residents see the published list and support a project once each, even when racing', async () => {
    const project = await world.ok('ledgers', 'createProject', PROJECT, ADMIN);
    const published = await world.ok('ledgers', 'listPublished', {}, RESIDENT);
    expect(published.items.map((item) => [item.title, item.supportedByMe])).toEqual([[PROJECT.title, false]]);

    const sameResident = await Promise.all(Array.from({ length: 10 }, () => world.call('ledgers', 'supportProject', { projectId: project.id }, RESIDENT)));
    expect(sameResident.every((result) => result.ok)).toBe(true);
    const supporters = ['demo-resident-2', 'demo-resident-3', 'demo-member-1', 'demo-member-2'];
    await Promise.all(supporters.map((openid) => world.ok('ledgers', 'supportProject', { projectId: project.id }, openid)));
    const seen = await world.ok('ledgers', 'getProject', { projectId: project.id }, RESIDENT);
    expect(seen).toMatchObject({ supportCount: 5, supportedByMe: true });
    expect((await world.ok('ledgers', 'getProject', { projectId: project.id }, 'demo-resident-4')).supportedByMe).toBe(false);
    expect(world.count('project_supports')).toBe(5);
    // Another community's residents cannot see it.
    expect(await world.call('ledgers', 'getProject', { projectId: project.id }, 'demo-member-other')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await world.ok('ledgers', 'listPublished', {}, 'demo-member-other')).items).toEqual([]);
  });

  test('grid workers list projects; only admins create them or write them off', async () => {
    await world.ok('ledgers', 'createProject', PROJECT, ADMIN);
    expect((await world.ok('ledgers', 'listProjects', {}, GRID_WORKER)).items).toHaveLength(1);
    expect(await world.call('ledgers', 'createProject', PROJECT, GRID_WORKER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await world.ok('ledgers', 'listOwners', {}, ADMIN)).items.map((owner) => owner.name).sort()).toEqual(expect.arrayContaining(['陈书记', '刘网格员']));
    world.clock.advanceMinutes(DAY);
  });
});
