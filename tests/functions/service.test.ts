import { DEFAULT_EARNING_RULES } from '../../src/shared/domain/points-rules';
import { DEMO_CENTER, offset } from '../../src/server/seed/demo-data';
import { SeedWriter } from '../../src/server/seed/seed-writer';
import { createTestWorld, fingerprint, type TestWorld } from '../support/test-runtime';
import { LINKED_MEMBER, RESIDENT, seedDemo } from '../support/fixtures';

// The demo service point 幸福里党群服务中心: 30 m north and 20 m east of the centre, radius 150 m, Mon–Sat 08:30–18:00.
const POINT = offset(DEMO_CENTER, 30, 20);
const INSIDE = offset(DEMO_CENTER, 80, 20); // 50 m from the point
const ADMIN = 'demo-admin';
const MEMBER = LINKED_MEMBER; // 王建国, u_demo_member_1, no points yet
const OTHER = 'demo-member-2';
/** 09:00 on Monday 2 November 2026 in China (the test clock's start). */
const MONDAY_9AM = Date.UTC(2026, 10, 2, 1, 0, 0);

let world: TestWorld;
beforeEach(() => {
  world = createTestWorld();
  seedDemo(world);
  world.clock.current = MONDAY_9AM;
});
afterEach(() => world.close());

const points = async (openid: string) => (await world.ok('points', 'getMine', { limit: 20 }, openid)).balance;
const checkIn = (openid: string, location = INSIDE, servicePointId = 'sp_demo_1') => world.call('service', 'checkIn', { servicePointId, location }, openid);
const checkOut = (openid: string, location = INSIDE) => world.call('service', 'checkOut', { location }, openid);

describe('duty at a service point', () => {
  test('inside the circle and in opening hours: check in, check out, whole hours earn points', async () => {
    const duty = await checkIn(MEMBER);
    expect(duty).toMatchObject({ ok: true, data: { status: 'open', servicePointName: '幸福里党群服务中心' } });
    const onDuty = await world.ok('service', 'listOnDuty', {}, ADMIN);
    expect(onDuty.points).toEqual([{ id: 'sp_demo_1', name: '幸福里党群服务中心', onDuty: [{ memberId: 'u_demo_member_1', name: '王建国', since: new Date(MONDAY_9AM).toISOString() }] }]);

    world.clock.advanceMinutes(150);
    const out = await checkOut(MEMBER);
    expect(out).toMatchObject({ ok: true, data: { status: 'closed', closedBy: 'member', minutes: 150, points: 4 } });
    expect(await checkOut(MEMBER)).toEqual(out); // a double tap answers the same
    expect(await points(MEMBER)).toBe(4);
    const record = await world.ok('service', 'getMyRecord', {}, MEMBER);
    expect(record).toMatchObject({ openDuty: null, dutyMinutesThisMonth: 150, dutyMinutesTotal: 150 });
    expect((await world.ok('service', 'listOnDuty', {}, ADMIN)).points[0].onDuty).toEqual([]);
  });

  test('the radius is a hard edge, and the refusal says how far away the member is', async () => {
    const before = fingerprint(world);
    const far = await checkIn(MEMBER, offset(POINT, 600, 0));
    expect(far).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '您距离「幸福里党群服务中心」约 600 m，需要在 150 米以内才能签到或签退' } });
    expect((await checkIn(MEMBER, offset(POINT, 152, 0))).ok).toBe(false);
    expect(fingerprint(world)).toBe(before);
    expect((await checkIn(MEMBER, offset(POINT, 148, 0))).ok).toBe(true);
    // Checking out needs the member on the spot too.
    world.clock.advanceMinutes(60);
    expect(await checkOut(MEMBER, offset(POINT, 0, 2000))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('约 2.0 km') } });
  });

  test('outside opening hours, on Sunday, twice, or while on duty elsewhere: refused clearly', async () => {
    world.clock.current = Date.UTC(2026, 10, 1, 23, 0, 0); // 07:00 Monday
    expect(await checkIn(MEMBER)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '「幸福里党群服务中心」现在不在值守时间（每周一、二、三、四、五、六 08:30–18:00）' } });
    world.clock.current = Date.UTC(2026, 10, 8, 3, 0, 0); // 11:00 Sunday
    expect((await checkIn(MEMBER)).ok).toBe(false);

    world.clock.current = MONDAY_9AM;
    expect((await checkIn(MEMBER)).ok).toBe(true);
    expect(await checkIn(MEMBER)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '您已在09:00签到「幸福里党群服务中心」，无需重复签到' } });
    const second = await world.ok(
      'community',
      'saveServicePoint',
      { name: '邻里驿家', kind: 'neighbourhood_station', location: offset(DEMO_CENTER, 500, 0), radiusM: 100, openingHours: { weekdays: [1, 2, 3, 4, 5], open: '08:00', close: '20:00' } },
      ADMIN,
    );
    expect(await checkIn(MEMBER, offset(DEMO_CENTER, 500, 10), second.id)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '您在「幸福里党群服务中心」的值守还没有签退，请先签退' } });
    expect(await checkOut(OTHER)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '您当前没有进行中的值守' } });
    expect(await checkIn(RESIDENT)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('ten racing check-ins leave one open duty', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => checkIn(MEMBER)));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(world.local.store.db.prepare(`SELECT COUNT(*) AS n FROM duties WHERE status = 'open'`).get()).toEqual({ n: 1 });
  });

  test('duty points stop at the daily cap and start again the next day', async () => {
    world.clock.current = Date.UTC(2026, 10, 2, 0, 30, 0); // 08:30
    await checkIn(MEMBER);
    world.clock.advanceMinutes(9 * 60 + 20); // 17:50: 9 hours = 18 points, capped at 16
    expect(await checkOut(MEMBER)).toMatchObject({ ok: true, data: { minutes: 560, points: 16 } });
    world.clock.advanceMinutes(5);
    await checkIn(MEMBER); // forgotten: closed at 18:00 with 5 minutes, no points
    // The next morning a fresh duty earns again.
    world.clock.current = Date.UTC(2026, 10, 3, 1, 0, 0);
    await world.tick();
    await checkIn(MEMBER);
    world.clock.advanceMinutes(120);
    expect(await checkOut(MEMBER)).toMatchObject({ ok: true, data: { points: 4 } });
    expect(await points(MEMBER)).toBe(16 + 4);
  });

  test('a forgotten check-out closes at closing time, credited at most the configured hours, and the member is told', async () => {
    await checkIn(MEMBER);
    world.clock.current = Date.UTC(2026, 10, 2, 9, 0, 0); // 17:00: still open
    await world.tick();
    expect((await world.ok('service', 'getMyRecord', {}, MEMBER)).openDuty).not.toBeNull();
    world.clock.current = Date.UTC(2026, 10, 2, 10, 30, 0); // 18:30
    expect(await world.tick()).toMatchObject({ ok: true, data: { duties: { closed: 1 } } });
    const record = await world.ok('service', 'getMyRecord', {}, MEMBER);
    expect(record.openDuty).toBeNull();
    expect(record.duties[0]).toMatchObject({ closedBy: 'auto', checkOutAt: new Date(Date.UTC(2026, 10, 2, 10, 0, 0)).toISOString(), minutes: DEFAULT_EARNING_RULES.autoCheckoutMaxHours * 60, points: 4 });
    expect((await world.ok('community', 'listInbox', { limit: 5 }, MEMBER)).items[0]).toMatchObject({ title: '「幸福里党群服务中心」值守已自动签退' });
    expect(await world.tick()).toMatchObject({ ok: true, data: { duties: { closed: 0 } } });
    expect(await points(MEMBER)).toBe(4);
  });
});

describe('volunteer activities', () => {
  const at = (minutesFromNow: number) => new Date(world.clock.now() + minutesFromNow * 60_000).toISOString();
  const create = (overrides: Record<string, unknown> = {}) =>
    world.ok(
      'service',
      'createActivity',
      { title: '关爱独居老人上门探访', place: '幸福里社区活动室', location: POINT, radiusM: 100, startsAt: at(60), endsAt: at(180), capacity: 10, points: 20, skills: ['助老陪护'], ...overrides },
      ADMIN,
    );

  function seedVolunteers(count: number): string[] {
    const seed = new SeedWriter(world.local.store.db, world.clock.now());
    const openids: string[] = [];
    seed.inTransaction(() => {
      for (let index = 0; index < count; index++) {
        const home = offset(DEMO_CENTER, index * 10, 0);
        seed.user({ id: `u_vol_${index}`, openid: `vol-${index}`, name: `志愿者${index}`, phone: '13800000000', communityId: 'c_demo', roles: ['volunteer', 'resident'], home });
        seed.member({ userId: `u_vol_${index}`, communityId: 'c_demo', gridId: 'g_demo_1', skills: ['助老陪护'], home, kind: 'volunteer' });
        openids.push(`vol-${index}`);
      }
    });
    return openids;
  }

  test('20 racing sign-ups for 10 places: exactly 10 get in; cancelling before the start frees a place', async () => {
    const activity = await create();
    const volunteers = seedVolunteers(20);
    const results = await Promise.all(volunteers.map((openid) => world.call('service', 'signUp', { activityId: activity.id }, openid)));
    expect(results.filter((result) => result.ok)).toHaveLength(10);
    expect(results.filter((result) => !result.ok).map((result) => (result.ok ? '' : result.error.message))).toEqual(Array(10).fill('活动名额已满（10 人）'));
    const winner = volunteers[results.findIndex((result) => result.ok)];
    const loser = volunteers[results.findIndex((result) => !result.ok)];
    expect((await world.ok('service', 'signUp', { activityId: activity.id }, winner)).signedUp).toBe(10); // signing up twice is one place
    expect((await world.ok('service', 'cancelSignUp', { activityId: activity.id }, winner)).signedUp).toBe(9);
    expect((await world.ok('service', 'signUp', { activityId: activity.id }, loser)).mySignup?.status).toBe('signed_up');
    world.clock.advanceMinutes(61);
    expect(await world.call('service', 'cancelSignUp', { activityId: activity.id }, loser)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '活动已经开始，不能取消报名；不能参加请联系社区请假' } });
    expect(await world.call('service', 'signUp', { activityId: activity.id }, winner)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '活动已经开始，报名已截止' } });
  });

  test('check-in within the time window and the place; marks on completion; points for those who came', async () => {
    const activity = await create();
    const [early, onTime, late, absent, excused] = seedVolunteers(5);
    for (const openid of [early, onTime, late, absent, excused]) await world.ok('service', 'signUp', { activityId: activity.id }, openid);
    const input = { activityId: activity.id, location: offset(POINT, 50, 0) };

    world.clock.advanceMinutes(20); // 40 minutes before the start
    expect(await world.call('service', 'checkInActivity', input, early)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '活动开始前 30 分钟才能签到' } });
    world.clock.advanceMinutes(15); // 25 minutes before
    expect((await world.ok('service', 'checkInActivity', input, early)).mySignup?.checkInAt).not.toBeNull();
    expect(await world.call('service', 'checkInActivity', { ...input, location: offset(POINT, 300, 0) }, onTime)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: '您距离活动地点「幸福里社区活动室」约 300 m，需要在 100 米以内才能签到或签退' },
    });
    world.clock.advanceMinutes(30); // 5 minutes after the start
    await world.ok('service', 'checkInActivity', input, onTime);
    world.clock.advanceMinutes(15); // 20 minutes after: late
    await world.ok('service', 'checkInActivity', input, late);
    expect(await world.call('service', 'checkOutActivity', input, absent)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '请先签到' } });
    await world.ok('service', 'markLeave', { activityId: activity.id, memberId: 'u_vol_4' }, ADMIN);
    expect(await world.call('service', 'markLeave', { activityId: activity.id, memberId: 'u_vol_0' }, ADMIN)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    world.clock.advanceMinutes(100);
    await world.ok('service', 'checkOutActivity', input, early);

    const roster = await world.ok('service', 'getRoster', { activityId: activity.id }, 'demo-gridworker-1');
    expect(roster.entries.map((entry) => [entry.name, entry.attendance])).toEqual([
      ['志愿者0', 'normal'],
      ['志愿者1', 'normal'],
      ['志愿者2', 'late'],
      ['志愿者3', 'absent'],
      ['志愿者4', 'on_leave'],
    ]);
    const [done, again] = await Promise.all([
      world.ok('service', 'completeActivity', { activityId: activity.id }, ADMIN),
      world.ok('service', 'completeActivity', { activityId: activity.id }, ADMIN),
    ]);
    expect(done.entries.map((entry) => entry.points)).toEqual([20, 20, 20, 0, 0]);
    expect(again.entries).toEqual(done.entries);
    expect(await points(late)).toBe(20);
    expect(await points(absent)).toBe(0);
    expect((await world.ok('community', 'listInbox', { limit: 3 }, late)).items[0]).toMatchObject({ title: '「关爱独居老人上门探访」已结束', body: '考勤：迟到，获得 20 分。' });
    expect(await world.call('service', 'checkInActivity', input, absent)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '活动已经结束' } });
    const record = await world.ok('service', 'getMyRecord', {}, early);
    expect(record.activities[0]).toMatchObject({ title: '关爱独居老人上门探访', mySignup: { attendance: 'normal', points: 20 } });
  });

  test('activity points stop at the daily cap', async () => {
    const [volunteer] = seedVolunteers(1);
    for (const title of ['上午：楼道清洁', '下午：垃圾分类宣传']) {
      const activity = await create({ title, startsAt: at(-10), endsAt: at(50), points: 20 });
      // Created after its start only for the test: sign-ups are closed, so put the volunteer on the list directly.
      await world.local.store.transaction((tx) =>
        tx.service.saveSignup({ activityId: activity.id, memberId: 'u_vol_0', status: 'signed_up', signedUpAt: world.clock.now(), checkInAt: world.clock.now(), checkOutAt: null, attendance: null, points: null }),
      );
      await world.ok('service', 'completeActivity', { activityId: activity.id }, ADMIN);
    }
    expect(await points(volunteer)).toBe(DEFAULT_EARNING_RULES.activityDailyCap);
  });

  test('bad activities are refused with reasons, and the QR scene opens the activity', async () => {
    const refusals = await Promise.all([
      world.call('service', 'createActivity', { title: '活动', place: '活动室', location: POINT, startsAt: at(60), endsAt: at(30), capacity: 5, points: 5 }, ADMIN),
      world.call('service', 'createActivity', { title: '活动', place: '活动室', location: POINT, startsAt: at(-120), endsAt: at(-60), capacity: 5, points: 5 }, ADMIN),
      world.call('service', 'createActivity', { title: '活动', place: '活动室', location: POINT, startsAt: at(60), endsAt: at(120), capacity: 0, points: 5 }, ADMIN),
      world.call('service', 'createActivity', { title: '活动', place: '活动室', location: POINT, startsAt: at(60), endsAt: at(120), capacity: 5, points: 5, skills: ['开挖掘机'] }, ADMIN),
      world.call('service', 'createActivity', { title: '活动', place: '活动室', location: POINT, startsAt: '明天上午', endsAt: at(120), capacity: 5, points: 5 }, ADMIN),
    ]);
    expect(refusals.map((result) => (result.ok ? 'ok' : result.error.message))).toEqual([
      '结束时间要晚于开始时间',
      '结束时间已经过去，请检查活动时间',
      '人数上限至少 1 人',
      '不在本社区技能列表中：开挖掘机',
      '开始时间格式不正确',
    ]);
    const activity = await create();
    const qr = await world.ok('community', 'getQrCode', { kind: 'activity', id: activity.id }, ADMIN);
    expect(qr.scene).toBe(`a=${activity.id}`);
    expect(await world.ok('community', 'resolveScene', { scene: qr.scene }, MEMBER)).toMatchObject({ kind: 'activity', activity: { id: activity.id, name: '关爱独居老人上门探访' }, alreadyMember: true });
    expect((await world.ok('service', 'listActivities', { scope: 'upcoming' }, MEMBER)).items.map((item) => item.id)).toEqual([activity.id]);
    expect(await world.call('service', 'getActivity', { activityId: activity.id }, 'demo-member-other')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
