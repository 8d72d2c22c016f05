import { createTestWorld, fingerprint, type TestWorld } from '../support/test-runtime';
import { ADMIN, APPLICANT, GRID_WORKER, OTHER_ADMIN, RESIDENT, RESIDENT_HOME, repairRequest, seedDemo } from '../support/fixtures';

let world: TestWorld;
beforeEach(() => {
  world = createTestWorld();
  seedDemo(world);
});
afterEach(() => world.close());

describe('joining by QR scene', () => {
  test('a new WeChat user scans the community code, joins a building and can ask for help', async () => {
    const info = await world.ok('community', 'resolveScene', { scene: 'c%3Dc_demo' }, 'wx-new-user');
    expect(info).toMatchObject({ kind: 'community', community: { id: 'c_demo', name: '幸福里社区' }, alreadyMember: false });
    expect(info.buildings.map((building) => building.name)).toContain('和平苑 5 栋');

    const me = await world.ok('community', 'join', { scene: 'c=c_demo', name: '周阿姨', phone: '13512340000', buildingId: 'b_demo_3', door: '2 单元 302' }, 'wx-new-user');
    expect(me).toMatchObject({ name: '周阿姨', roles: ['resident'], communityName: '幸福里社区', gridName: '第二网格（和平苑）', address: '和平苑 5 栋 2 单元 302' });

    const again = await world.ok('community', 'join', { scene: 'c=c_demo', name: '周阿姨', phone: '13512340000', buildingId: 'b_demo_3', door: '2 单元 302' }, 'wx-new-user');
    expect(again.id).toBe(me.id);
    expect(world.count('households')).toBe(5);

    const request = await world.ok('requests', 'submit', repairRequest({ address: me.address }), 'wx-new-user');
    expect(request.state).toBe('dispatching');
  });

  test('a grid code places the resident in that grid', async () => {
    const me = await world.ok('community', 'join', { scene: 'g=g_demo_2', name: '孙大爷', phone: '13512340001' }, 'wx-grid-user');
    expect(me.gridName).toBe('第二网格（和平苑）');
  });

  test('a shop invitation code makes the scanner a clerk of that shop', async () => {
    const me = await world.ok('community', 'join', { scene: 'inv=XFL2026A', name: '新店员', phone: '13512340002' }, 'wx-clerk');
    expect(me.roles).toEqual(['resident', 'shop_staff']);
    const shops = await world.ok('community', 'listShops', {}, ADMIN);
    expect(shops.items[0].staff.map((staff) => staff.name)).toEqual(['马店员', '新店员']);
  });

  test.each([
    ['an unknown community', 'c=c_nowhere', 'NOT_FOUND', '二维码对应的社区不存在'],
    ['an unknown grid', 'g=g_nowhere', 'NOT_FOUND', '二维码对应的社区不存在'],
    ['a scene over 32 characters', `c=${'x'.repeat(31)}`, 'VALIDATION_FAILED', '二维码内容过长'],
    ['a scene with characters WeChat does not allow', 'c=社区', 'VALIDATION_FAILED', '无法识别的字符'],
    ['a scene with spaces', 'c=c demo', 'VALIDATION_FAILED', '无法识别的字符'],
    ['an unknown prefix', 'x=c_demo', 'VALIDATION_FAILED', '不是社区服务的二维码'],
    ['no prefix at all', 'c_demo', 'VALIDATION_FAILED', '不是社区服务的二维码'],
    ['broken percent-encoding', 'c%3', 'VALIDATION_FAILED', '无法识别'],
    ['an expired shop invitation', 'inv=OLDCODE1', 'NOT_FOUND', '邀请码无效'],
  ])('refuses %s with a clear message and writes nothing', async (_label, scene, code, message) => {
    const before = fingerprint(world);
    for (const [action, input] of [
      ['resolveScene', { scene }],
      ['join', { scene, name: '测试', phone: '13512340003' }],
    ] as const) {
      const result = await world.call('community', action, input, 'wx-someone');
      expect(result).toMatchObject({ ok: false, error: { code } });
      if (!result.ok) expect(result.error.message).toContain(message);
    }
    expect(fingerprint(world)).toBe(before);
  });

  test('a member of another community cannot be moved by scanning', async () => {
    const result = await world.call('community', 'join', { scene: 'c=c_demo', name: '吴书记', phone: '13700000011' }, OTHER_ADMIN);
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  test('a caller without any identity is refused', async () => {
    expect(await world.call('community', 'resolveScene', { scene: 'c=c_demo' }, undefined)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('双报到: registration and review', () => {
  const application = { kind: 'member' as const, workUnit: '区教育局', skills: ['水电维修', '助老陪护'], home: RESIDENT_HOME, gridId: 'g_demo_1', availableHours: ['weekday_day' as const, 'weekend_day' as const] };

  test('a resident applies, the admin approves, and dispatch starts offering them tasks', async () => {
    const applied = await world.ok('community', 'applyMember', application, 'demo-resident-2');
    expect(applied).toMatchObject({ status: 'pending', name: '李建华', gridName: '第一网格（幸福里小区）' });
    const adminInbox = await world.ok('community', 'listInbox', { limit: 5 }, ADMIN);
    expect(adminInbox.items[0].title).toBe('新的党员报到申请');

    const pending = await world.ok('community', 'listApplications', { status: 'pending', limit: 20 }, ADMIN);
    expect(pending.items.map((item) => item.name).sort()).toEqual(['李建华', '钱志远']);

    const approved = await world.ok('community', 'reviewApplication', { userId: applied.userId, decision: 'approve', reason: '' }, ADMIN);
    expect(approved.status).toBe('approved');
    expect((await world.ok('community', 'me', {}, 'demo-resident-2')).roles).toEqual(['resident', 'member']);
    expect((await world.ok('community', 'listInbox', { limit: 1 }, 'demo-resident-2')).items[0].title).toBe('党员报到已通过');

    const again = await world.call('community', 'reviewApplication', { userId: applied.userId, decision: 'reject', reason: '重复' }, ADMIN);
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const request = await world.ok('requests', 'submit', repairRequest(), RESIDENT);
    const offered = world.local.store.db.prepare('SELECT member_id FROM offers WHERE request_id = ?').all(request.id) as { member_id: string }[];
    expect(offered.map((offer) => offer.member_id)).toContain(applied.userId);
  });

  test('a rejection needs a reason, reaches the applicant, and they may apply again', async () => {
    const noReason = await world.call('community', 'reviewApplication', { userId: 'u_demo_applicant', decision: 'reject', reason: '' }, ADMIN);
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: ['reason'] }] } });
    const rejected = await world.ok('community', 'reviewApplication', { userId: 'u_demo_applicant', decision: 'reject', reason: '请补充工作单位证明' }, ADMIN);
    expect(rejected).toMatchObject({ status: 'rejected', reviewNote: '请补充工作单位证明' });
    const mine = await world.ok('community', 'getMyApplication', {}, APPLICANT);
    expect(mine.application?.status).toBe('rejected');
    const reapplied = await world.ok('community', 'applyMember', application, APPLICANT);
    expect(reapplied.status).toBe('pending');
  });

  test('skills outside the community list and grids of another community are refused', async () => {
    expect(await world.call('community', 'applyMember', { ...application, skills: ['飞行驾驶'] }, 'demo-resident-2')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await world.call('community', 'applyMember', { ...application, gridId: 'g_demo_3' }, 'demo-resident-2')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  test('a member on leave gets no offers; standing posts come from the community list', async () => {
    await world.ok('community', 'setOnLeave', { onLeave: true }, 'demo-member-1');
    const request = await world.ok('requests', 'submit', repairRequest(), RESIDENT);
    const offered = world.local.store.db.prepare('SELECT member_id FROM offers WHERE request_id = ?').all(request.id) as { member_id: string }[];
    expect(offered.map((offer) => offer.member_id)).not.toContain('u_demo_member_1');

    const claimed = await world.ok('community', 'claimPost', { post: '信访接待', claim: true }, 'demo-member-2');
    expect(claimed.posts).toEqual(['信访接待']);
    expect(await world.call('community', 'claimPost', { post: '宇航员', claim: true }, 'demo-member-2')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect((await world.ok('community', 'claimPost', { post: '信访接待', claim: false }, 'demo-member-2')).posts).toEqual([]);
  });

  test('members are searchable by name, phone and skill', async () => {
    const byName = await world.ok('community', 'listMembers', { keyword: '王建', status: 'approved', limit: 10 }, ADMIN);
    expect(byName.items.map((item) => item.name)).toEqual(['王建国']);
    const bySkill = await world.ok('community', 'listMembers', { keyword: '法律援助', status: 'approved', limit: 10 }, GRID_WORKER);
    expect(bySkill.items.map((item) => item.name).sort()).toEqual(['陈德明', '黄丽华'].sort());
    const byPhone = await world.ok('community', 'listMembers', { keyword: '1390000001', status: 'approved', limit: 2 }, ADMIN);
    expect(byPhone.items).toHaveLength(2);
    expect(byPhone.nextCursor).not.toBeNull();
    const next = await world.ok('community', 'listMembers', { keyword: '1390000001', status: 'approved', limit: 2, cursor: byPhone.nextCursor ?? undefined }, ADMIN);
    expect(next.items.map((item) => item.userId)).not.toContain(byPhone.items[0].userId);
  });
});

describe('1+5+15 structure', () => {
  test('a central household warns outside 5–10 members; a member warns outside 15–25 households', async () => {
    const small = await world.ok('community', 'saveCentralHousehold', { name: '8 栋中心户', gridId: 'g_demo_1', memberIds: ['u_demo_member_6', 'u_demo_member_7'] }, ADMIN);
    expect(small.warnings).toEqual(['党员中心户只联系了 2 名党员，建议 5–10 名']);
    const taken = await world.call('community', 'saveCentralHousehold', { name: '重复', gridId: 'g_demo_1', memberIds: ['u_demo_member_1'] }, ADMIN);
    expect(taken).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '王建国 已由其他党员中心户联系，请先从那里移除' } });
    const existing = await world.ok('community', 'listCentralHouseholds', { limit: 10 }, ADMIN);
    expect(existing.items.find((item) => item.id === 'ch_demo_1')?.warnings).toEqual([]);

    const linked = await world.ok('community', 'linkHouseholds', { memberId: 'u_demo_member_2', householdIds: ['h_demo_1', 'h_demo_2'] }, ADMIN);
    expect(linked).toEqual({ memberId: 'u_demo_member_2', householdCount: 2, warnings: ['该党员只联系了 2 户，建议 15–25 户'] });
    const households = await world.ok('community', 'listHouseholds', { buildingId: 'b_demo_1', limit: 10 }, ADMIN);
    expect(households.items[0]).toMatchObject({ address: '幸福里小区 3 栋 2 单元 401', residentNames: ['张秀英'], linkedMemberNames: ['李红梅', '王建国'] });
  });

  test('grids, buildings and households are created once, and a grid worker can be assigned', async () => {
    const grid = await world.ok('community', 'createGrid', { name: '第三网格' }, ADMIN);
    expect(await world.call('community', 'createGrid', { name: '第三网格' }, ADMIN)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const building = await world.ok('community', 'createBuilding', { name: '新城 1 栋', gridId: grid.id }, ADMIN);
    await world.ok('community', 'createHousehold', { buildingId: building.id, door: '101' }, GRID_WORKER);
    expect(await world.call('community', 'createHousehold', { buildingId: building.id, door: '101' }, ADMIN)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const assigned = await world.ok('community', 'assignGridWorker', { userId: 'u_demo_resident_4', gridId: grid.id }, ADMIN);
    expect(assigned).toMatchObject({ name: '第三网格', workers: [{ name: '赵明' }], buildingCount: 1 });
  });
});

describe('代办登记: filing for a resident without a phone', () => {
  test('the request records who filed it, members call the filer, and retries do not duplicate', async () => {
    const input = {
      ...repairRequest({ description: '独居老人家里停电了，请帮忙看看' }),
      newResident: { name: '黄奶奶', buildingId: 'b_demo_1' },
    };
    const filed = await world.ok('requests', 'fileOnBehalf', input, GRID_WORKER);
    expect(filed).toMatchObject({ filedByName: '刘网格员', contact: { name: '黄奶奶', phone: '13700000002' }, state: 'dispatching' });
    expect(filed.timeline[0].text).toBe('刘网格员 代 黄奶奶 登记了求助：维修求助');
    const retried = await world.ok('requests', 'fileOnBehalf', input, GRID_WORKER);
    expect(retried.id).toBe(filed.id);
    expect(world.count('requests')).toBe(1);

    const residents = await world.ok('community', 'listResidents', { keyword: '黄奶奶', limit: 5 }, ADMIN);
    expect(residents.items).toEqual([expect.objectContaining({ name: '黄奶奶', gridName: '第一网格（幸福里小区）' })]);
  });

  test('both or neither of an existing and a new resident is refused', async () => {
    const both = await world.call('requests', 'fileOnBehalf', { ...repairRequest(), residentId: 'u_demo_resident_1', newResident: { name: '某某' } }, ADMIN);
    expect(both).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const neither = await world.call('requests', 'fileOnBehalf', repairRequest(), ADMIN);
    expect(neither).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('shops, service points, QR codes and the district view', () => {
  test('an admin creates a shop with an invitation code a resident can use', async () => {
    const shop = await world.ok('community', 'createShop', { name: '社区书吧', kind: 'book_bar', description: '' }, ADMIN);
    expect(shop.inviteCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    const joined = await world.ok('community', 'joinShop', { code: shop.inviteCode.toLowerCase() }, 'demo-resident-2');
    expect(joined).toMatchObject({ name: '社区书吧', staff: [{ name: '李建华' }] });
    expect((await world.ok('community', 'me', {}, 'demo-resident-2')).roles).toContain('shop_staff');
  });

  test('service points keep their opening hours; closing before opening is refused', async () => {
    const point = await world.ok(
      'community',
      'saveServicePoint',
      { name: '和平苑邻里驿家', kind: 'neighbourhood_station', location: RESIDENT_HOME, radiusM: 80, openingHours: { weekdays: [6, 7, 6], open: '09:00', close: '12:00' } },
      ADMIN,
    );
    expect(point.openingHours).toEqual({ weekdays: [6, 7], open: '09:00', close: '12:00' });
    const bad = await world.call(
      'community',
      'saveServicePoint',
      { name: '错时', kind: 'errand_window', location: RESIDENT_HOME, radiusM: 80, openingHours: { weekdays: [1], open: '18:00', close: '09:00' } },
      ADMIN,
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '关门时间要晚于开门时间' } });
    const qr = await world.ok('community', 'getQrCode', { kind: 'service_point', id: point.id }, ADMIN);
    expect(qr.scene).toBe(`sp=${point.id}`);
    expect(qr.scene.length).toBeLessThanOrEqual(32);
  });

  test('QR codes carry short scenes for the community, grids and shop invitations', async () => {
    expect((await world.ok('community', 'getQrCode', { kind: 'community', id: 'c_demo' }, ADMIN)).pageUrl).toBe('/#/pages/join/index?scene=c%3Dc_demo');
    expect((await world.ok('community', 'getQrCode', { kind: 'grid', id: 'g_demo_2' }, GRID_WORKER)).scene).toBe('g=g_demo_2');
    expect((await world.ok('community', 'getQrCode', { kind: 'shop_invite', id: 's_demo_1' }, ADMIN)).scene).toBe('inv=XFL2026A');
    expect(await world.call('community', 'getQrCode', { kind: 'grid', id: 'g_demo_3' }, ADMIN)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('the district viewer sees every community of the district with its counts', async () => {
    await world.ok('requests', 'submit', repairRequest(), RESIDENT);
    const { items } = await world.ok('community', 'listCommunities', {}, 'demo-district');
    expect(items).toEqual([
      { id: 'c_demo_2', name: '和谐家园社区', grids: 1, members: 1, residents: 2, openRequests: 0 },
      { id: 'c_demo', name: '幸福里社区', grids: 2, members: 12, residents: 20, openRequests: 1 },
    ]);
  });
});
