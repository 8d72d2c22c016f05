import { rebuildMemberIndex } from '../../src/server/adapters/sqlite/member-cells';
import { generateDistrict, type DistrictSize } from '../../src/server/seed/generate-district';
import { offset } from '../../src/server/seed/demo-data';
import { createTestWorld, type TestWorld } from '../support/test-runtime';
import { ADMIN, GRID_WORKER, LINKED_MEMBER, OTHER_RESIDENT, PLUMBER_2, PLUMBER_3, RESIDENT, RESIDENT_HOME, newToken, repairRequest, seedDemo } from '../support/fixtures';

let world: TestWorld;
afterEach(() => world.close());

const offersOf = (requestId: string) =>
  world.local.store.db.prepare('SELECT member_id, round, status FROM offers WHERE request_id = ? ORDER BY round, score DESC').all(requestId) as {
    member_id: string;
    round: number;
    status: string;
  }[];

describe('over a generated district', () => {
  const SIZE: DistrictSize = { communities: 2, grids: 12, centralHouseholds: 30, members: 300, households: 1500, householdsPerMember: 15 };
  let residentOpenid: string;
  let household: string;
  let linkedMembers: string[];

  beforeEach(() => {
    world = createTestWorld();
    generateDistrict(world.local.store.db, { seed: 9, now: world.clock.now(), size: SIZE });
    const db = world.local.store.db;
    // A resident of a household that has linked members, all of them available now.
    household = (db.prepare('SELECT household_id FROM member_households GROUP BY household_id ORDER BY household_id LIMIT 1').get() as { household_id: string }).household_id;
    residentOpenid = (db.prepare('SELECT openid FROM users WHERE household_id = ?').get(household) as { openid: string }).openid;
    linkedMembers = (db.prepare('SELECT member_id FROM member_households WHERE household_id = ?').all(household) as { member_id: string }[]).map((row) => row.member_id);
    db.prepare(`UPDATE members SET available_hours = '[]', on_leave = 0, skills = '["水电维修"]'`).run();
    rebuildMemberIndex(db);
  });

  const submit = (overrides: Record<string, unknown> = {}) => {
    const resident = world.local.store.db.prepare('SELECT home_lat AS lat, home_lng AS lng, address FROM users WHERE openid = ?').get(residentOpenid) as { lat: number; lng: number; address: string };
    return world.ok('requests', 'submit', repairRequest({ location: { lat: resident.lat, lng: resident.lng }, address: resident.address, ...overrides }), residentOpenid);
  };

  test('the member linked to the household is offered first when available', async () => {
    const request = await submit();
    const round = offersOf(request.id);
    expect(linkedMembers).toContain(round[0].member_id);
    const reasons = (world.local.store.db.prepare('SELECT reasons FROM offers WHERE request_id = ? AND member_id = ?').get(request.id, round[0].member_id) as { reasons: string }).reasons;
    expect(reasons.startsWith('联系户党员')).toBe(true);
  });

  test('a member at the open-task cap is skipped', async () => {
    const db = world.local.store.db;
    const capped = linkedMembers[0];
    const communityId = (db.prepare('SELECT community_id FROM members WHERE user_id = ?').get(capped) as { community_id: string }).community_id;
    db.prepare(`UPDATE communities SET dispatch_policy = '{"openTaskCap":1}' WHERE id = ?`).run(communityId);
    // Give the linked members one accepted task each.
    for (const memberId of linkedMembers) {
      db.prepare(
        `INSERT INTO requests (id, community_id, resident_id, filed_by, client_token, category, description, address, contact_name, contact_phone, lat, lng, urgency, photos, state, assignee_id, created_at, updated_at, accepted_at)
         SELECT 'r_busy_' || ?, community_id, id, id, 'busy-' || ?, 'errand', '忙', '地址', name, phone, 30.6, 104.05, 'normal', '[]', 'accepted', ?, 0, 0, 0 FROM users WHERE openid = ?`,
      ).run(memberId, memberId, memberId, residentOpenid);
    }
    const request = await submit();
    const offered = offersOf(request.id).map((offer) => offer.member_id);
    expect(offered.length).toBeGreaterThan(0);
    for (const memberId of linkedMembers) expect(offered).not.toContain(memberId);
  });

  test('timeouts re-offer to new members only, and the last round lands in needs_manual', async () => {
    const request = await submit();
    const seen = new Set<string>();
    let rounds = 0;
    for (let step = 0; step < 6; step++) {
      const current = offersOf(request.id).filter((offer) => offer.status === 'pending');
      for (const offer of current) {
        expect(seen.has(offer.member_id)).toBe(false);
        seen.add(offer.member_id);
      }
      if (current.length > 0) rounds++;
      world.clock.advanceMinutes(16);
      await world.tick();
    }
    expect(rounds).toBe(3);
    expect((await world.ok('requests', 'get', { requestId: request.id }, residentOpenid)).state).toBe('needs_manual');
    expect(offersOf(request.id).every((offer) => offer.status === 'expired')).toBe(true);
  });
});

describe('manual dispatch, escalation, reopen and duplicates (demo community)', () => {
  beforeEach(() => {
    world = createTestWorld();
    seedDemo(world);
  });

  test('staff see a ranked list with reasons, assign, and reassign', async () => {
    const request = await world.ok('requests', 'submit', repairRequest(), RESIDENT);
    const { items } = await world.ok('requests', 'listCandidates', { requestId: request.id }, GRID_WORKER);
    expect(items[0]).toMatchObject({ memberId: 'u_demo_member_1', alreadyOffered: true });
    expect(items[0].reasons).toMatch(/^联系户党员 · 同网格 · \d+ m · 水电维修/);
    expect(items.map((item) => item.memberId)).toContain('u_demo_member_11');

    const assigned = await world.ok('requests', 'assign', { requestId: request.id, memberId: 'u_demo_member_11', note: '住得近' }, ADMIN);
    expect(assigned).toMatchObject({ state: 'accepted', assignee: { name: '徐海涛' } });
    expect(offersOf(request.id).filter((offer) => offer.status === 'pending')).toEqual([]);
    expect((await world.ok('community', 'listInbox', { limit: 1 }, 'demo-member-11')).items[0].title).toBe('社区给您指派了一条求助');

    world.clock.advanceMinutes(5);
    const reassigned = await world.ok('requests', 'assign', { requestId: request.id, memberId: 'u_demo_member_7', note: '' }, ADMIN);
    expect(reassigned.assignee?.name).toBe('赵卫东');
    expect((await world.ok('community', 'listInbox', { limit: 1 }, 'demo-member-11')).items[0].title).toBe('求助已改派他人');
    expect(await world.call('requests', 'complete', { requestId: request.id, note: '我来', photos: [] }, 'demo-member-11')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const done = await world.ok('requests', 'complete', { requestId: request.id, note: '修好了', photos: [] }, PLUMBER_3);
    expect(done.pointsAwarded).toBe(10);
    expect(done.request.timeline.map((entry) => entry.kind)).toEqual(['submitted', 'offered', 'assigned', 'assigned', 'completed']);
  });

  test('needs_manual requests are listed for staff and can be assigned', async () => {
    const far = await world.ok('requests', 'submit', repairRequest({ location: offset(RESIDENT_HOME, 20_000, 0) }), RESIDENT);
    expect(far.state).toBe('needs_manual');
    const listed = await world.ok('requests', 'listForStaff', { scope: 'needs_manual', limit: 10 }, ADMIN);
    expect(listed.items.map((item) => item.id)).toEqual([far.id]);
    expect(listed.items[0].actions.assign).toBe(true);
    await world.ok('requests', 'assign', { requestId: far.id, memberId: 'u_demo_member_1', note: '' }, ADMIN);
    expect((await world.ok('requests', 'listForStaff', { scope: 'needs_manual', limit: 10 }, ADMIN)).items).toEqual([]);
  });

  test('吹哨: escalation with a joint meeting, the department answers, the resident follows and rates', async () => {
    const request = await world.ok('requests', 'submit', repairRequest({ category: 'suggestion', description: '小区停车位太少，晚上车没地方停' }), RESIDENT);
    const meeting = { requestId: request.id, department: '住建局', meetingDate: '2026-11-20', attendees: ['陈书记', '住建局王科长', '物业李经理'], decision: '扩建停车场 50 个车位' };
    expect(await world.call('requests', 'escalate', { ...meeting, department: '外星局' }, ADMIN)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const escalated = await world.ok('requests', 'escalate', meeting, ADMIN);
    expect(escalated).toMatchObject({ state: 'escalated', escalation: { department: '住建局', status: 'open', attendees: meeting.attendees } });
    expect(await world.call('requests', 'escalate', meeting, ADMIN)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await world.call('requests', 'accept', { requestId: request.id }, LINKED_MEMBER)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // The escalation is now a livelihood project owned by the admin, with the department as owner unit.
    expect(escalated.projectId).not.toBeNull();
    const project = await world.ok('ledgers', 'getProject', { projectId: escalated.projectId as string }, ADMIN);
    expect(project).toMatchObject({ source: 'escalation', requestId: request.id, ownerDepartment: '住建局', targetDate: '2026-12-20', status: 'in_progress' });
    expect(project.milestones.map((milestone) => [milestone.title, milestone.dueDate, milestone.doneAt])).toEqual([
      ['住建局答复', '2026-11-27', null],
      ['问题解决', '2026-12-20', null],
    ]);

    await world.ok('requests', 'recordEscalation', { requestId: request.id, answer: '已立项，预计 12 月完工', outcome: '', resolved: false }, ADMIN);
    expect((await world.ok('ledgers', 'getProject', { projectId: project.id }, ADMIN)).milestones.map((milestone) => milestone.doneAt !== null)).toEqual([true, false]);
    world.clock.advanceMinutes(60 * 24 * 20);
    const resolved = await world.ok('requests', 'recordEscalation', { requestId: request.id, answer: '已完工', outcome: '停车场扩建 50 个车位已投入使用', resolved: true }, ADMIN);
    expect(resolved).toMatchObject({ state: 'completed', escalation: { status: 'resolved' } });
    expect((await world.ok('ledgers', 'getProject', { projectId: project.id }, ADMIN)).milestones.every((milestone) => milestone.doneAt !== null)).toBe(true);

    const seen = await world.ok('requests', 'get', { requestId: request.id }, RESIDENT);
    expect(seen.timeline.map((entry) => entry.text)).toEqual(
      expect.arrayContaining(['社区已吹哨，移交住建局办理，并列入民生实事台账。2026-11-20 联席会议决定：扩建停车场 50 个车位', '住建局答复：已立项，预计 12 月完工', '已办结：停车场扩建 50 个车位已投入使用']),
    );
    expect(seen.actions.rate).toBe(true);
    await world.ok('requests', 'rate', { requestId: request.id, stars: 5, comment: '' }, RESIDENT);
    expect(world.countNewPostings()).toBe(0);
  });

  test('reopen within 7 days goes back to the same member first, then to others', async () => {
    const request = await world.ok('requests', 'submit', repairRequest(), RESIDENT);
    await world.ok('requests', 'accept', { requestId: request.id }, PLUMBER_2);
    await world.ok('requests', 'complete', { requestId: request.id, note: '换了垫圈', photos: [] }, PLUMBER_2);
    world.clock.advanceMinutes(60 * 24 * 2);
    const reopened = await world.ok('requests', 'reopen', { requestId: request.id, reason: '又开始漏水了' }, RESIDENT);
    expect(reopened.state).toBe('dispatching');
    expect(offersOf(request.id).filter((offer) => offer.status === 'pending')).toEqual([{ member_id: 'u_demo_member_3', round: 0, status: 'pending' }]);
    expect((await world.ok('community', 'listInbox', { limit: 1 }, PLUMBER_2)).items[0].title).toBe('您办结的求助需要再次处理');

    // Nobody else hears about it until the original member lets the offer lapse.
    world.clock.advanceMinutes(16);
    await world.tick();
    const pending = offersOf(request.id).filter((offer) => offer.status === 'pending');
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.map((offer) => offer.member_id)).not.toContain('u_demo_member_3');
    expect(pending.map((offer) => offer.member_id)).not.toContain('u_demo_member_1'); // offered in the first dispatch already

    // Points for the first completion were posted once and are not posted again.
    expect(world.countNewPostings()).toBe(1);

    // Another member takes it and finishes it: done, and told truthfully that it earns nothing more.
    const taker = pending[0].member_id.replace('u_demo_member_', 'demo-member-');
    await world.ok('requests', 'accept', { requestId: request.id }, taker);
    const again = await world.ok('requests', 'complete', { requestId: request.id, note: '换了整个阀门', photos: [] }, taker);
    expect(again.pointsAwarded).toBe(0);
    expect(again.request.state).toBe('completed');
    expect(world.countNewPostings()).toBe(1);
  });

  test('reopen is refused after 7 days and before completion', async () => {
    const request = await world.ok('requests', 'submit', repairRequest(), RESIDENT);
    expect(await world.call('requests', 'reopen', { requestId: request.id, reason: '没修好' }, RESIDENT)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await world.ok('requests', 'accept', { requestId: request.id }, LINKED_MEMBER);
    await world.ok('requests', 'complete', { requestId: request.id, note: '修好了', photos: [] }, LINKED_MEMBER);
    world.clock.advanceMinutes(60 * 24 * 8);
    const late = await world.call('requests', 'reopen', { requestId: request.id, reason: '没修好' }, RESIDENT);
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '办结已超过 7 天，请重新提交一条求助' } });
  });

  test('a similar open request nearby is shown before submitting and linked for staff', async () => {
    const first = await world.ok('requests', 'submit', repairRequest({ description: '楼道的灯坏了，晚上很黑' }), RESIDENT);
    const nearby = offset(RESIDENT_HOME, 30, 0);
    world.clock.advanceMinutes(25);
    const hint = await world.ok('requests', 'findSimilar', { category: 'repair', location: nearby }, OTHER_RESIDENT);
    // That it is there, how far and how long ago: not the neighbour's words, nor which request it is.
    expect(hint.items).toEqual([{ category: 'repair', distanceM: 30, minutesAgo: 25 }]);
    expect(JSON.stringify(hint)).not.toContain('楼道');
    expect(JSON.stringify(hint)).not.toContain(first.id);
    expect((await world.ok('requests', 'findSimilar', { category: 'repair', location: offset(RESIDENT_HOME, 80, 0) }, OTHER_RESIDENT)).items).toEqual([]);
    expect((await world.ok('requests', 'findSimilar', { category: 'policy', location: nearby }, OTHER_RESIDENT)).items).toEqual([]);

    // A private matter nearby is not hinted at all, not even that it exists.
    const mediation = repairRequest({ category: 'mediation', description: '楼上邻居每天半夜拖动家具，想请社区调解' });
    await world.ok('requests', 'submit', mediation, RESIDENT);
    expect((await world.ok('requests', 'findSimilar', { category: 'mediation', location: nearby }, OTHER_RESIDENT)).items).toEqual([]);

    const second = await world.ok('requests', 'submit', repairRequest({ location: nearby, clientToken: newToken() }), OTHER_RESIDENT);
    expect(second.duplicateOf).toBeNull(); // residents do not see the link
    expect((await world.ok('requests', 'get', { requestId: second.id }, ADMIN)).duplicateOf).toBe(first.id);

    world.clock.advanceMinutes(60 * 24 * 4);
    expect((await world.ok('requests', 'findSimilar', { category: 'repair', location: nearby }, OTHER_RESIDENT)).items).toEqual([]);
  });

  test('the dispatch policy is configurable and validated', async () => {
    const policy = await world.ok('requests', 'getDispatchPolicy', {}, ADMIN);
    expect(policy.radiusStepsM).toEqual([1000, 2000, 4000]);
    const updated = await world.ok('requests', 'updateDispatchPolicy', { ...policy, batchSize: 1, radiusStepsM: [500, 1500] }, ADMIN);
    expect(updated.batchSize).toBe(1);
    const request = await world.ok('requests', 'submit', repairRequest(), RESIDENT);
    expect(offersOf(request.id)).toEqual([{ member_id: 'u_demo_member_1', round: 1, status: 'pending' }]);
    const bad = await world.call('requests', 'updateDispatchPolicy', { ...policy, radiusStepsM: [2000, 1000] }, ADMIN);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '每一轮的半径要比上一轮大' } });
  });

  test('members off-hours are skipped unless the request is urgent', async () => {
    const db = world.local.store.db;
    // The test clock is a Monday morning in China: only the linked member is off now.
    db.prepare(`UPDATE members SET available_hours = '["weekend_day"]' WHERE user_id = 'u_demo_member_1'`).run();
    rebuildMemberIndex(db);
    const normal = await world.ok('requests', 'submit', repairRequest(), RESIDENT);
    expect(offersOf(normal.id).map((offer) => offer.member_id)).not.toContain('u_demo_member_1');
    const urgent = await world.ok('requests', 'submit', repairRequest({ urgency: 'urgent' }), RESIDENT);
    expect(offersOf(urgent.id)[0].member_id).toBe('u_demo_member_1');
  });
});
