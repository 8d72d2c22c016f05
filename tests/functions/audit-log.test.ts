import { createTestWorld, fingerprint, type TestWorld } from '../support/test-runtime';
import { ADMIN, DISTRICT_VIEWER, LINKED_MEMBER, OTHER_ADMIN, RESIDENT, SHOP_STAFF, repairRequest, seedDemo } from '../support/fixtures';

let world: TestWorld;
beforeEach(() => {
  world = createTestWorld();
  seedDemo(world);
});
afterEach(() => world.close());

const log = async (openid: string, communityId?: string) => (await world.ok('reports', 'listAuditLog', { limit: 50, ...(communityId ? { communityId } : {}) }, openid)).items;

describe('操作日志: every write by staff is kept, once, and nobody can change it', () => {
  test('an adjustment is logged with who, what, which member and when; a retry adds no second entry', async () => {
    world.clock.advanceMinutes(5);
    const input = { clientToken: 'audit-adjust-0001', memberId: 'u_demo_member_2', amount: 20, reason: '补录 11 月义诊活动' };
    await world.ok('points', 'adjust', input, ADMIN);
    await world.ok('points', 'adjust', input, ADMIN);
    const entries = await log(ADMIN);
    expect(entries).toEqual([
      {
        id: expect.any(String),
        at: new Date(world.clock.now()).toISOString(),
        communityId: 'c_demo',
        actorName: '陈书记',
        actorRoles: expect.stringContaining('社区管理员'),
        action: 'points.adjust',
        actionLabel: '调整积分',
        targetId: 'u_demo_member_2',
        detail: 'amount=20',
      },
    ]);
    // The reason is free text: it stays on the posting, not in the log.
    expect(JSON.stringify(entries)).not.toContain('义诊');
  });

  test('residents and members acting for themselves are not logged; a refused staff call leaves nothing', async () => {
    const request = await world.ok('requests', 'submit', repairRequest(), RESIDENT);
    await world.ok('requests', 'accept', { requestId: request.id }, LINKED_MEMBER);
    const before = fingerprint(world);
    expect(await world.call('points', 'adjust', { clientToken: 'audit-adjust-0002', memberId: 'u_demo_member_2', amount: 100_000, reason: '数额过大的调整' }, ADMIN)).toMatchObject({ ok: false });
    expect(fingerprint(world)).toBe(before);
    expect(await log(ADMIN)).toEqual([]);
  });

  test('the till, an export and a district-wide read: each logged where it belongs, read by the admin and the district', async () => {
    const code = (await world.ok('points', 'issueCode', {}, 'demo-member-2')).code;
    await world.ok('points', 'redeem', { clientToken: 'audit-till-0001', code, lines: [{ itemId: 'it_demo_soap', qty: 1 }] }, SHOP_STAFF);
    world.clock.advanceMinutes(1);
    await world.ok('reports', 'exportWorkbook', { kind: 'statistics', period: '2026-10' }, ADMIN);
    world.clock.advanceMinutes(1);
    await world.ok('community', 'createGrid', { name: '第九网格' }, OTHER_ADMIN);

    expect((await log(ADMIN)).map((entry) => [entry.actionLabel, entry.actorName, entry.detail])).toEqual([
      ['导出表格', '陈书记', 'kind=statistics period=2026-10 scope=community'],
      ['到店兑换', expect.any(String), ''],
    ]);
    // The other community's admin sees only their own; the district sees both, or one.
    expect((await log(OTHER_ADMIN)).map((entry) => entry.actionLabel)).toEqual(['新建网格']);
    expect((await log(DISTRICT_VIEWER)).map((entry) => entry.actionLabel)).toEqual(['新建网格', '导出表格', '到店兑换']);
    expect((await log(DISTRICT_VIEWER, 'c_demo_2')).map((entry) => entry.actionLabel)).toEqual(['新建网格']);
    expect(await world.call('reports', 'listAuditLog', { limit: 10 }, RESIDENT)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // The month's log exports as a sheet, oldest first; the export itself is logged too.
    const exported = await world.ok('reports', 'exportWorkbook', { kind: 'audit', period: '2026-11' }, ADMIN);
    expect(exported).toMatchObject({ rows: 2, fileName: expect.stringContaining('操作日志') });
    expect((await log(ADMIN))[0]).toMatchObject({ actionLabel: '导出表格', detail: 'kind=audit period=2026-11 scope=community' });
  });

  test('the log refuses any change or removal in the database itself', () => {
    world.local.store.db
      .prepare(`INSERT INTO audit_log (id, community_id, actor_id, actor_name, actor_roles, action, target_id, detail, at) VALUES ('au_x', 'c_demo', 'u_demo_admin', '陈书记', '["admin"]', 'points.adjust', NULL, '', 1)`)
      .run();
    expect(() => world.local.store.db.prepare(`UPDATE audit_log SET actor_name = '别人' WHERE id = 'au_x'`).run()).toThrow('the audit log cannot be changed');
    expect(() => world.local.store.db.prepare(`DELETE FROM audit_log WHERE id = 'au_x'`).run()).toThrow('the audit log cannot be changed');
  });
});
