import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { uploadsDir } from '../../src/server/host/local-runtime';
import { DEPARTED_NAME, ERASED_TEXT } from '../../src/shared/domain/privacy';
import type { ActionOf, FunctionName, InputOf, OutputOf } from '../../src/shared/contracts';
import type { Envelope } from '../../src/shared/errors';
import { createCloudWorld } from '../support/cloud-world';
import { createTestWorld, fingerprint, type TestWorld } from '../support/test-runtime';
import { ADMIN, GRID_WORKER, LINKED_MEMBER, OTHER_ADMIN, POLICY_MEMBER, RESIDENT, repairRequest, seedDemo } from '../support/fixtures';

const RESIDENT_ID = 'u_demo_resident_1';
const PERIOD = '2026-11';

interface World {
  call<F extends FunctionName, A extends ActionOf<F>>(fn: F, action: A, data: InputOf<F, A> | Record<string, unknown>, openid: string): Promise<Envelope<OutputOf<F, A>>>;
  ok<F extends FunctionName, A extends ActionOf<F>>(fn: F, action: A, data: InputOf<F, A>, openid: string): Promise<OutputOf<F, A>>;
  local: TestWorld;
  close(): void;
}

const stores: [string, () => Promise<World>][] = [
  ['SQLite', async () => {
    const world = createTestWorld();
    seedDemo(world);
    return { call: world.call, ok: world.ok, local: world, close: () => world.close() };
  }],
  ['the CloudBase twin', () => createCloudWorld((w) => seedDemo(w), ['c_demo', 'c_demo_2'])],
];

/** A photo as the app uploads it, on the local files adapter. */
function uploadPhoto(world: World, name: string): string {
  writeFileSync(join(uploadsDir(world.local.dataDir), `${name}.jpg`), Buffer.from([0xff, 0xd8, 0xff]));
  return `local/${name}.jpg`;
}

describe.each(stores)('注销 on %s', (_name, open) => {
  let world: World;
  beforeEach(async () => {
    world = await open();
  });
  afterEach(() => world.close());

  /** 张秀英's repair, taken and completed by 王建国 with a photo, rated with a comment. */
  async function finishedRequest() {
    const photo = uploadPhoto(world, 'resident-kitchen-0001');
    const proof = uploadPhoto(world, 'member-proof-00001');
    const request = await world.ok('requests', 'submit', repairRequest({ description: '厨房水管漏水，地上全是水', photos: [photo] }), RESIDENT);
    await world.ok('requests', 'accept', { requestId: request.id }, LINKED_MEMBER);
    await world.ok('requests', 'complete', { requestId: request.id, note: '换了新的水管接头', photos: [proof] }, LINKED_MEMBER);
    await world.ok('requests', 'rate', { requestId: request.id, stars: 5, comment: '王师傅很耐心，谢谢' }, RESIDENT);
    return { request, photo, proof };
  }

  test('a resident leaves: their words, contact and photos go, the record and the statistics stay, and they may join again', async () => {
    const { request, photo, proof } = await finishedRequest();
    const statsBefore = await world.ok('reports', 'getStatistics', { period: PERIOD }, ADMIN);

    const check = await world.ok('community', 'checkDeletion', {}, RESIDENT);
    expect(check).toMatchObject({ name: '张秀英', refusals: [], pointsToForfeit: 0 });
    expect(await world.ok('community', 'deleteAccount', { confirm: '注销' }, RESIDENT)).toEqual({ deleted: true, pointsForfeited: 0, photosRemoved: 1 });

    // The account is gone; a retried call is told so, and changes nothing.
    expect(await world.call('community', 'me', {}, RESIDENT)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await world.ok('community', 'deleteAccount', { confirm: '注销' }, RESIDENT)).toEqual({ deleted: true, pointsForfeited: 0, photosRemoved: 0 });

    // The member who handled it still sees the record, without the resident in it.
    const seen = await world.ok('requests', 'get', { requestId: request.id }, LINKED_MEMBER);
    expect(seen).toMatchObject({ description: ERASED_TEXT, rating: { stars: 5, comment: ERASED_TEXT } });
    expect(JSON.stringify(seen)).not.toMatch(/张秀英|13800000001|2 单元 401|厨房水管|王师傅很耐心|resident-kitchen/);
    expect(existsSync(join(uploadsDir(world.local.dataDir), photo.slice('local/'.length)))).toBe(false);
    // The member's own record of the work stays theirs.
    expect(existsSync(join(uploadsDir(world.local.dataDir), proof.slice('local/'.length)))).toBe(true);

    const demand = await world.ok('ledgers', 'listDemand', { limit: 20 }, ADMIN);
    expect(demand.items.find((line) => line.requestId === request.id)).toMatchObject({ residentName: DEPARTED_NAME, description: ERASED_TEXT });
    const statsAfter = await world.ok('reports', 'getStatistics', { period: PERIOD }, ADMIN);
    expect(statsAfter.current).toEqual(statsBefore.current);
    expect((await world.ok('points', 'verifyLedger', {}, ADMIN)).problems).toEqual([]);

    // The same WeChat user may join again, as someone new.
    const again = await world.ok('community', 'join', { scene: 'c=c_demo', name: '张秀英', phone: '13800000001' }, RESIDENT);
    expect(again.id).not.toBe(RESIDENT_ID);
    expect((await world.ok('community', 'getMyData', {}, RESIDENT)).requests.total).toBe(0);
  });

  test('a member leaves: the balance returns to the community, the ledger balances, and dispatch no longer finds them', async () => {
    const before = await world.ok('points', 'getMine', { limit: 1 }, POLICY_MEMBER);
    const check = await world.ok('community', 'checkDeletion', {}, POLICY_MEMBER);
    expect(check).toMatchObject({ refusals: [], pointsToForfeit: before.available });
    expect(await world.ok('community', 'deleteAccount', { confirm: '注销' }, POLICY_MEMBER)).toMatchObject({ pointsForfeited: before.available });
    expect((await world.ok('points', 'verifyLedger', {}, ADMIN)).problems).toEqual([]);
    const members = await world.ok('community', 'listMembers', { status: 'approved', limit: 50 }, ADMIN);
    expect(members.items.map((member) => member.name)).not.toContain('李红梅');
    const policyQuestion = await world.ok('requests', 'submit', repairRequest({ category: 'policy', description: '想问一下医保报销怎么办理' }), RESIDENT);
    const offers = await world.ok('requests', 'listCandidates', { requestId: policyQuestion.id }, ADMIN);
    expect(JSON.stringify(offers)).not.toContain('李红梅');
  });

  test('what is unsettled is refused with what to do, and nothing changes', async () => {
    const request = await world.ok('requests', 'submit', repairRequest(), RESIDENT);
    expect(await world.call('community', 'deleteAccount', { confirm: '注销' }, RESIDENT)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '您还有 1 件求助没有办结，请先取消或等办结后再注销' },
    });
    await world.ok('requests', 'accept', { requestId: request.id }, LINKED_MEMBER);
    expect((await world.ok('community', 'checkDeletion', {}, LINKED_MEMBER)).refusals).toEqual(['您还有 1 件任务正在办理，请先办结或请社区改派']);
    expect(await world.call('community', 'deleteAccount', { confirm: '注销' }, ADMIN)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('社区管理员') } });
    expect(await world.call('community', 'deleteAccount', {}, POLICY_MEMBER)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '请输入“注销”两个字确认' } });
    expect(await world.ok('community', 'me', {}, RESIDENT)).toMatchObject({ name: '张秀英' });
  });

  test('an admin deletes the account of a resident without a phone; it is in the audit log; another community cannot', async () => {
    const filed = await world.ok('requests', 'fileOnBehalf', { ...repairRequest({ description: '独居老人家里停电了' }), newResident: { name: '黄奶奶', buildingId: 'b_demo_1' } }, GRID_WORKER);
    await world.ok('requests', 'cancel', { requestId: filed.id }, ADMIN).catch(() => undefined);
    const residents = await world.ok('community', 'listResidents', { keyword: '黄奶奶', limit: 5 }, ADMIN);
    const residentId = residents.items[0].id;
    const open = await world.ok('community', 'checkDeletion', { userId: residentId }, ADMIN);
    if (open.refusals.length > 0) {
      // Filed requests dispatch at once: the admin settles it by hand first.
      expect(open.refusals[0]).toContain('该居民还有 1 件求助没有办结');
      await world.ok('requests', 'accept', { requestId: filed.id }, LINKED_MEMBER);
      await world.ok('requests', 'complete', { requestId: filed.id, note: '已恢复供电', photos: [] }, LINKED_MEMBER);
    }
    expect(await world.call('community', 'deleteAccount', { userId: residentId, confirm: '注销' }, OTHER_ADMIN)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await world.call('community', 'deleteAccount', { userId: residentId, confirm: '注销' }, LINKED_MEMBER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await world.ok('community', 'deleteAccount', { userId: residentId, confirm: '注销' }, ADMIN)).toMatchObject({ deleted: true });
    const timeline = (await world.ok('requests', 'get', { requestId: filed.id }, ADMIN)).timeline.map((entry) => entry.text);
    expect(timeline[0]).toBe(`刘网格员 代 ${DEPARTED_NAME} 登记了求助：维修求助`);
    const log = await world.ok('reports', 'listAuditLog', { limit: 10 }, ADMIN);
    expect(log.items.find((entry) => entry.action === 'community.deleteAccount')).toMatchObject({ action: 'community.deleteAccount', actionLabel: '代居民注销账户', targetId: residentId, actorName: '陈书记' });
  });
});

describe.each(stores)('解除店员 on %s', (_name, open) => {
  test('the staff member is off the shop and the till refuses them', async () => {
    const world = await open();
    try {
      const staffId = (await world.ok('community', 'me', {}, 'demo-shop-1')).id;
      await world.ok('community', 'revokeRole', { userId: staffId, role: 'shop_staff' }, ADMIN);
      expect(await world.call('points', 'listShopItems', {}, 'demo-shop-1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect((await world.ok('community', 'listShops', {}, ADMIN)).items.flatMap((shop) => JSON.stringify(shop))).not.toContain(staffId);
    } finally {
      world.close();
    }
  });
});

test('what a departed resident said in a deliberation goes; their vote still counts', async () => {
  const world = createTestWorld();
  seedDemo(world);
  try {
    const iso = (ms: number) => new Date(ms).toISOString();
    const hour = 3_600_000;
    const created = await world.ok(
      'deliberations',
      'createDraft',
      { title: '是否在 3 栋加装电梯', proposal: '由业主共同出资、政府补贴，在 3 栋加装一部电梯。', buildingIds: ['b_demo_1'], voteStartsAt: iso(world.clock.now() + hour), voteEndsAt: iso(world.clock.now() + 49 * hour), quorumPercent: 60 },
      ADMIN,
    );
    await world.ok('deliberations', 'publish', { deliberationId: created.id }, ADMIN);
    world.clock.advanceMinutes(61);
    await world.ok('deliberations', 'comment', { deliberationId: created.id, text: '赞成，我家老伴腿脚不好' }, RESIDENT);
    await world.ok('deliberations', 'vote', { deliberationId: created.id, option: 0 }, RESIDENT);
    await world.ok('community', 'deleteAccount', { confirm: '注销' }, RESIDENT);
    const seen = await world.ok('deliberations', 'get', { deliberationId: created.id }, ADMIN);
    expect(seen.comments.map((comment) => comment.text)).toEqual([ERASED_TEXT]);
    expect(seen.votesCast).toBe(1);
  } finally {
    world.close();
  }
});

test('a refused deletion leaves every table as it was (SQLite fingerprint)', async () => {
  const world = createTestWorld();
  seedDemo(world);
  try {
    await world.ok('requests', 'submit', repairRequest(), RESIDENT);
    const before = fingerprint(world);
    expect(await world.call('community', 'deleteAccount', { confirm: '注销' }, RESIDENT)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(fingerprint(world)).toBe(before);
  } finally {
    world.close();
  }
});

test('a grid worker cannot leave while on duty; the admin takes the duty back (audited), then they can', async () => {
  const world = createTestWorld();
  seedDemo(world);
  try {
    expect((await world.ok('community', 'checkDeletion', {}, GRID_WORKER)).refusals).toEqual(['您还担任网格员，请先由社区管理员解除后再注销']);
    const residents = await world.ok('community', 'listResidents', { keyword: '刘网格员', limit: 5 }, ADMIN);
    expect(residents.items[0]).toMatchObject({ id: 'u_demo_grid_1', duties: ['grid_worker'] });
    expect(await world.call('community', 'revokeRole', { userId: 'u_demo_grid_1', role: 'grid_worker' }, OTHER_ADMIN)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await world.ok('community', 'revokeRole', { userId: 'u_demo_grid_1', role: 'grid_worker' }, ADMIN)).toMatchObject({ duties: [] });
    expect(await world.call('community', 'revokeRole', { userId: 'u_demo_grid_1', role: 'grid_worker' }, ADMIN)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '刘网格员现在不是网格员' } });
    expect(await world.call('requests', 'listForStaff', { limit: 5 }, GRID_WORKER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await world.ok('community', 'listInbox', { limit: 5 }, GRID_WORKER)).items[0].title).toBe('您已不再担任网格员');
    const log = await world.ok('reports', 'listAuditLog', { limit: 5 }, ADMIN);
    expect(log.items[0]).toMatchObject({ action: 'community.revokeRole', actionLabel: '解除职务', targetId: 'u_demo_grid_1', detail: 'role=grid_worker' });
    expect(await world.ok('community', 'deleteAccount', { confirm: '注销' }, GRID_WORKER)).toMatchObject({ deleted: true });
  } finally {
    world.close();
  }
});
