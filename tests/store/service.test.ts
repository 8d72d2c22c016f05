import type { ActivityRecord, DutyRecord, ServicePointRecord, SignupRecord } from '../../src/server/ports';
import { describeEachStore, freshStoreEachTest } from './harness';
import { CENTER, T0, offset, user, DAY, pad } from './fixtures';

const HOUR = 60 * 60 * 1000;

function point(id: string, overrides: Partial<ServicePointRecord> = {}): ServicePointRecord {
  return {
    id,
    communityId: 'c1',
    name: `服务点${id}`,
    kind: 'service_center',
    location: offset(CENTER, 10, 20),
    radiusM: 80,
    openingHours: { weekdays: [1, 2, 3, 4, 5], open: '08:30', close: '17:30' },
    createdAt: T0,
    ...overrides,
  };
}

/** A duty as `insertDuty` stores it: open, nothing about the check-out yet. */
function duty(id: string, overrides: Partial<DutyRecord> = {}): DutyRecord {
  return {
    id,
    communityId: 'c1',
    memberId: 'member1',
    servicePointId: 'sp1',
    checkInAt: T0,
    checkInLocation: offset(CENTER, 12, 18),
    status: 'open',
    checkOutAt: null,
    closedBy: null,
    minutes: null,
    points: null,
    ...overrides,
  };
}

function activity(id: string, overrides: Partial<ActivityRecord> = {}): ActivityRecord {
  return {
    id,
    communityId: 'c1',
    title: `活动${id}`,
    place: '社区广场',
    location: CENTER,
    radiusM: 200,
    startsAt: T0 + DAY,
    endsAt: T0 + DAY + 2 * HOUR,
    capacity: 10,
    signedUp: 0,
    points: 5,
    skills: ['宣讲'],
    status: 'open',
    createdBy: 'admin1',
    createdAt: T0,
    completedAt: null,
    ...overrides,
  };
}

function signup(activityId: string, memberId: string, overrides: Partial<SignupRecord> = {}): SignupRecord {
  return { activityId, memberId, status: 'signed_up', signedUpAt: T0, checkInAt: null, checkOutAt: null, attendance: null, points: null, ...overrides };
}

const closing = (at: number, minutes: number) => ({ checkOutAt: at, closedBy: 'member' as const, minutes, points: Math.floor(minutes / 30) });

describeEachStore('service: duties', (kind) => {
  const store = freshStoreEachTest(kind, async (fresh) => {
    await fresh.transaction(async (tx) => {
      await tx.servicePoints.save(point('sp1'));
      await tx.servicePoints.save(point('sp2'));
      await tx.servicePoints.save(point('sp9', { communityId: 'c2' }));
    });
  });

  it('opens one duty per member, reads it back, and refuses a second while it is open', async () => {
    expect(await store.transaction((tx) => tx.service.insertDuty(duty('d1')))).toBe(true);
    expect(await store.read((tx) => tx.service.getDuty('d1'))).toEqual(duty('d1'));
    expect(await store.read((tx) => tx.service.findOpenDuty('member1'))).toEqual(duty('d1'));
    expect(await store.read((tx) => tx.service.getDuty('d-none'))).toBeNull();
    expect(await store.read((tx) => tx.service.findOpenDuty('member2'))).toBeNull();
    // Another duty of the same member, at another point: refused, and nothing written.
    expect(await store.transaction((tx) => tx.service.insertDuty(duty('d2', { servicePointId: 'sp2', checkInAt: T0 + 1 })))).toBe(false);
    expect(await store.read((tx) => tx.service.getDuty('d2'))).toBeNull();
    // The same id for another member: refused.
    expect(await store.transaction((tx) => tx.service.insertDuty(duty('d1', { memberId: 'member2' })))).toBe(false);
    expect(await store.read((tx) => tx.service.findOpenDuty('member2'))).toBeNull();
    // Another member: fine.
    expect(await store.transaction((tx) => tx.service.insertDuty(duty('d3', { memberId: 'member2' })))).toBe(true);
  });

  it('stores a duty as opened, whatever check-out fields it is given', async () => {
    const given = duty('d1', { status: 'closed', checkOutAt: T0 + HOUR, closedBy: 'auto', minutes: 60, points: 2 });
    expect(await store.transaction((tx) => tx.service.insertDuty(given))).toBe(true);
    expect(await store.read((tx) => tx.service.getDuty('d1'))).toEqual(duty('d1'));
    expect(await store.read((tx) => tx.service.findOpenDuty('member1'))).toEqual(duty('d1'));
  });

  it('closes a duty exactly once, after which the member may open another', async () => {
    await store.transaction((tx) => tx.service.insertDuty(duty('d1')));
    expect(await store.transaction((tx) => tx.service.closeDuty('d1', closing(T0 + HOUR, 60)))).toBe(true);
    expect(await store.transaction((tx) => tx.service.closeDuty('d1', { checkOutAt: T0 + 2 * HOUR, closedBy: 'auto', minutes: 120, points: 4 }))).toBe(false);
    expect(await store.transaction((tx) => tx.service.closeDuty('d-none', closing(T0, 1)))).toBe(false);
    expect(await store.read((tx) => tx.service.getDuty('d1'))).toEqual(duty('d1', { status: 'closed', ...closing(T0 + HOUR, 60) }));
    expect(await store.read((tx) => tx.service.findOpenDuty('member1'))).toBeNull();
    expect(await store.transaction((tx) => tx.service.insertDuty(duty('d2', { checkInAt: T0 + 2 * HOUR })))).toBe(true);
    expect((await store.read((tx) => tx.service.findOpenDuty('member1')))?.id).toBe('d2');
  });

  it('sees its own check-in and check-out inside the transaction', async () => {
    const seen = await store.transaction(async (tx) => {
      expect(await tx.service.insertDuty(duty('d1'))).toBe(true);
      expect((await tx.service.findOpenDuty('member1'))?.id).toBe('d1');
      expect(await tx.service.insertDuty(duty('d2'))).toBe(false);
      expect(await tx.service.closeDuty('d1', closing(T0 + HOUR, 60))).toBe(true);
      expect(await tx.service.findOpenDuty('member1')).toBeNull();
      expect(await tx.service.insertDuty(duty('d3', { checkInAt: T0 + 2 * HOUR }))).toBe(true);
      return tx.service.findOpenDuty('member1');
    });
    expect(seen?.id).toBe('d3');
    expect((await store.read((tx) => tx.service.getDuty('d1')))?.status).toBe('closed');
    expect((await store.read((tx) => tx.service.findOpenDuty('member1')))?.id).toBe('d3');
    // A failed transaction leaves no duty behind.
    await expect(
      store.transaction(async (tx) => {
        await tx.service.insertDuty(duty('d4', { memberId: 'member2' }));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await store.read((tx) => tx.service.findOpenDuty('member2'))).toBeNull();
    expect(await store.transaction((tx) => tx.service.insertDuty(duty('d5', { memberId: 'member2' })))).toBe(true);
  });

  it('lets one of ten concurrent check-ins of a member through', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, (_, index) => store.transaction((tx) => tx.service.insertDuty(duty(`d${index}`, { checkInAt: T0 + index })))));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = `d${results.indexOf(true)}`;
    expect((await store.read((tx) => tx.service.findOpenDuty('member1')))?.id).toBe(winner);
    expect(await store.read((tx) => tx.service.listDutiesForMember('member1', 50))).toHaveLength(1);
    // Ten concurrent check-outs of it: one.
    const closes = await Promise.all(Array.from({ length: 10 }, (_, index) => store.transaction((tx) => tx.service.closeDuty(winner, closing(T0 + HOUR + index, 60)))));
    expect(closes.filter(Boolean)).toHaveLength(1);
  });

  it("lists a member's duties newest first, the latest one, and sums closed minutes since a moment", async () => {
    const checkIns = [T0, T0 + DAY, T0 + 2 * DAY, T0 + 2 * DAY, T0 + 3 * DAY];
    for (const [index, at] of checkIns.entries()) {
      const id = `d${index}`;
      await store.transaction(async (tx) => {
        expect(await tx.service.insertDuty(duty(id, { checkInAt: at }))).toBe(true);
        // The last one stays open.
        if (index < checkIns.length - 1) expect(await tx.service.closeDuty(id, closing(at + HOUR, 10 * (index + 1)))).toBe(true);
      });
    }
    await store.transaction((tx) => tx.service.insertDuty(duty('x1', { memberId: 'member2', checkInAt: T0 + 9 * DAY })));
    const ids = (duties: DutyRecord[]) => duties.map((record) => record.id);
    expect(ids(await store.read((tx) => tx.service.listDutiesForMember('member1', 10)))).toEqual(['d4', 'd3', 'd2', 'd1', 'd0']);
    expect(ids(await store.read((tx) => tx.service.listDutiesForMember('member1', 2)))).toEqual(['d4', 'd3']);
    expect((await store.read((tx) => tx.service.latestDuty('member1')))?.id).toBe('d4');
    expect(await store.read((tx) => tx.service.latestDuty('member3'))).toBeNull();
    expect(await store.read((tx) => tx.service.dutyMinutesSince('member1', 0))).toBe(100);
    expect(await store.read((tx) => tx.service.dutyMinutesSince('member1', T0 + DAY))).toBe(90);
    expect(await store.read((tx) => tx.service.dutyMinutesSince('member1', T0 + 2 * DAY + 1))).toBe(0);
    expect(await store.read((tx) => tx.service.dutyMinutesSince('member2', 0))).toBe(0);
  });

  it('pages a long duty history past 100 rows', async () => {
    for (let start = 0; start < 150; start += 50) {
      await store.transaction(async (tx) => {
        for (let index = start; index < start + 50; index++) {
          const id = `d${pad(index)}`;
          expect(await tx.service.insertDuty(duty(id, { checkInAt: T0 + index * HOUR }))).toBe(true);
          expect(await tx.service.closeDuty(id, closing(T0 + index * HOUR + 1, 1))).toBe(true);
        }
      });
    }
    const listed = await store.read((tx) => tx.service.listDutiesForMember('member1', 140));
    expect(listed.map((record) => record.id)).toEqual(Array.from({ length: 140 }, (_, index) => `d${pad(149 - index)}`));
    expect(await store.read((tx) => tx.service.dutyMinutesSince('member1', 0))).toBe(150);
  });

  it('lists open duties oldest first, in one community or all, up to the limit', async () => {
    await store.transaction(async (tx) => {
      await tx.service.insertDuty(duty('d1', { memberId: 'member1', checkInAt: T0 + 30 }));
      await tx.service.insertDuty(duty('d2', { memberId: 'member2', checkInAt: T0 + 10, servicePointId: 'sp2' }));
      await tx.service.insertDuty(duty('d3', { memberId: 'member3', checkInAt: T0 + 20 }));
      await tx.service.insertDuty(duty('d9', { memberId: 'resident9', communityId: 'c2', servicePointId: 'sp9', checkInAt: T0 + 15 }));
    });
    await store.transaction((tx) => tx.service.closeDuty('d3', closing(T0 + 40, 1)));
    const ids = (duties: DutyRecord[]) => duties.map((record) => record.id);
    expect(ids(await store.read((tx) => tx.service.listOpenDuties('c1', 10)))).toEqual(['d2', 'd1']);
    expect(ids(await store.read((tx) => tx.service.listOpenDuties(null, 10)))).toEqual(['d2', 'd9', 'd1']);
    expect(ids(await store.read((tx) => tx.service.listOpenDuties(null, 2)))).toEqual(['d2', 'd9']);
    expect(ids(await store.read((tx) => tx.service.listOpenDuties('c2', 10)))).toEqual(['d9']);
  });
});

describeEachStore('service: activities', (kind) => {
  const store = freshStoreEachTest(kind);

  it('stores an activity and refuses a second with the same id', async () => {
    await store.transaction((tx) => tx.service.insertActivity(activity('a1')));
    expect(await store.read((tx) => tx.service.getActivity('a1'))).toEqual(activity('a1'));
    expect(await store.read((tx) => tx.service.getActivity('a-none'))).toBeNull();
    await expect(store.transaction((tx) => tx.service.insertActivity(activity('a1', { title: '另一个' })))).rejects.toBeDefined();
    expect((await store.read((tx) => tx.service.getActivity('a1')))?.title).toBe('活动a1');
  });

  it('lists upcoming activities soonest first and past ones (ended or completed) latest first', async () => {
    const now = T0 + 10 * DAY;
    await store.transaction(async (tx) => {
      // Upcoming: open and not yet ended (one under way).
      await tx.service.insertActivity(activity('u-later', { startsAt: now + 3 * DAY, endsAt: now + 3 * DAY + HOUR }));
      await tx.service.insertActivity(activity('u-soon', { startsAt: now + DAY, endsAt: now + DAY + HOUR }));
      await tx.service.insertActivity(activity('u-soon2', { startsAt: now + DAY, endsAt: now + DAY + HOUR }));
      await tx.service.insertActivity(activity('u-now', { startsAt: now - HOUR, endsAt: now }));
      // Past: ended, or completed before its end.
      await tx.service.insertActivity(activity('p-ended', { startsAt: now - 2 * DAY, endsAt: now - 2 * DAY + HOUR }));
      await tx.service.insertActivity(activity('p-done', { startsAt: now - DAY, endsAt: now - DAY + HOUR, status: 'completed', completedAt: now - DAY + HOUR }));
      await tx.service.insertActivity(activity('p-early', { startsAt: now + 2 * DAY, endsAt: now + 2 * DAY + HOUR, status: 'completed', completedAt: now }));
      await tx.service.insertActivity(activity('p-old', { startsAt: now - 5 * DAY, endsAt: now - 5 * DAY + HOUR }));
      await tx.service.insertActivity(activity('c2-up', { communityId: 'c2', startsAt: now + DAY, endsAt: now + DAY + HOUR }));
    });
    const ids = (activities: ActivityRecord[]) => activities.map((record) => record.id);
    expect(ids(await store.read((tx) => tx.service.listActivities('c1', 'upcoming', now, 10)))).toEqual(['u-now', 'u-soon', 'u-soon2', 'u-later']);
    expect(ids(await store.read((tx) => tx.service.listActivities('c1', 'upcoming', now, 2)))).toEqual(['u-now', 'u-soon']);
    expect(ids(await store.read((tx) => tx.service.listActivities('c1', 'past', now, 10)))).toEqual(['p-early', 'p-done', 'p-ended', 'p-old']);
    expect(ids(await store.read((tx) => tx.service.listActivities('c1', 'past', now, 2)))).toEqual(['p-early', 'p-done']);
    expect(ids(await store.read((tx) => tx.service.listActivities('c2', 'upcoming', now, 10)))).toEqual(['c2-up']);
    expect(await store.read((tx) => tx.service.listActivities('c2', 'past', now, 10))).toEqual([]);
  });

  it('takes places only while some are left and releases them, never below zero', async () => {
    await store.transaction((tx) => tx.service.insertActivity(activity('a1', { capacity: 2 })));
    const take = () => store.transaction((tx) => tx.service.takePlace('a1'));
    expect(await take()).toBe(true);
    expect(await take()).toBe(true);
    expect(await take()).toBe(false);
    expect((await store.read((tx) => tx.service.getActivity('a1')))?.signedUp).toBe(2);
    await store.transaction((tx) => tx.service.releasePlace('a1'));
    expect(await take()).toBe(true);
    await store.transaction(async (tx) => {
      for (let index = 0; index < 4; index++) await tx.service.releasePlace('a1');
    });
    expect((await store.read((tx) => tx.service.getActivity('a1')))?.signedUp).toBe(0);
    expect(await store.transaction((tx) => tx.service.takePlace('a-none'))).toBe(false);
    await store.transaction((tx) => tx.service.releasePlace('a-none'));
    // Several in one transaction see each other.
    expect(
      await store.transaction(async (tx) => [await tx.service.takePlace('a1'), await tx.service.takePlace('a1'), await tx.service.takePlace('a1')]),
    ).toEqual([true, true, false]);
  });

  it('gives ten places to exactly ten of twenty concurrent sign-ups', async () => {
    await store.transaction((tx) => tx.service.insertActivity(activity('a1', { capacity: 10 })));
    const members = Array.from({ length: 20 }, (_, index) => `volunteer${pad(index)}`);
    await store.transaction(async (tx) => {
      for (const id of members) await tx.users.insert(user(id));
    });
    const results = await Promise.all(
      members.map((memberId) =>
        store.transaction(async (tx) => {
          if (!(await tx.service.takePlace('a1'))) return false;
          await tx.service.saveSignup(signup('a1', memberId));
          return true;
        }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(10);
    expect((await store.read((tx) => tx.service.getActivity('a1')))?.signedUp).toBe(10);
    expect(await store.read((tx) => tx.service.listSignups('a1'))).toHaveLength(10);
  });

  it('completes an activity exactly once', async () => {
    await store.transaction((tx) => tx.service.insertActivity(activity('a1')));
    const racers = await Promise.all(Array.from({ length: 10 }, (_, index) => store.transaction((tx) => tx.service.completeActivity('a1', T0 + index))));
    expect(racers.filter(Boolean)).toHaveLength(1);
    expect(await store.read((tx) => tx.service.getActivity('a1'))).toEqual(activity('a1', { status: 'completed', completedAt: T0 + racers.indexOf(true) }));
    expect(await store.transaction((tx) => tx.service.completeActivity('a1', T0 + 100))).toBe(false);
    expect(await store.transaction((tx) => tx.service.completeActivity('a-none', T0 + 100))).toBe(false);
  });

  it('saves one signup per activity and member, and lists them by activity and by member', async () => {
    await store.transaction(async (tx) => {
      await tx.service.insertActivity(activity('a1'));
      await tx.service.insertActivity(activity('a2'));
      await tx.service.insertActivity(activity('a3'));
    });
    await store.transaction(async (tx) => {
      await tx.service.saveSignup(signup('a1', 'member2', { signedUpAt: T0 + 2 }));
      await tx.service.saveSignup(signup('a1', 'member1', { signedUpAt: T0 + 2 }));
      await tx.service.saveSignup(signup('a1', 'member3', { signedUpAt: T0 + 1 }));
      await tx.service.saveSignup(signup('a2', 'member1', { signedUpAt: T0 + 5 }));
      await tx.service.saveSignup(signup('a3', 'member1', { signedUpAt: T0 + 9 }));
      // Saved again: replaced, not added.
      expect(await tx.service.getSignup('a1', 'member2')).toEqual(signup('a1', 'member2', { signedUpAt: T0 + 2 }));
      await tx.service.saveSignup(signup('a1', 'member2', { status: 'cancelled', signedUpAt: T0 + 2 }));
    });
    const checkedIn = signup('a2', 'member1', { signedUpAt: T0 + 5, checkInAt: T0 + DAY, checkOutAt: T0 + DAY + HOUR, attendance: 'late', points: 5 });
    await store.transaction((tx) => tx.service.saveSignup(checkedIn));
    expect(await store.read((tx) => tx.service.getSignup('a2', 'member1'))).toEqual(checkedIn);
    expect(await store.read((tx) => tx.service.getSignup('a2', 'member2'))).toBeNull();
    expect(await store.read((tx) => tx.service.listSignups('a1'))).toEqual([
      signup('a1', 'member3', { signedUpAt: T0 + 1 }),
      signup('a1', 'member1', { signedUpAt: T0 + 2 }),
      signup('a1', 'member2', { status: 'cancelled', signedUpAt: T0 + 2 }),
    ]);
    expect(await store.read((tx) => tx.service.listSignups('a-none'))).toEqual([]);
    const forMember = await store.read((tx) => tx.service.listSignupsForMember('member1', 10));
    expect(forMember.map((record) => record.activityId)).toEqual(['a3', 'a2', 'a1']);
    expect(forMember[1]).toEqual(checkedIn);
    expect((await store.read((tx) => tx.service.listSignupsForMember('member1', 2))).map((record) => record.activityId)).toEqual(['a3', 'a2']);
    expect(await store.read((tx) => tx.service.listSignupsForMember('resident9', 10))).toEqual([]);
  });

  it('lists more than 100 signups of an activity in order', async () => {
    const members = Array.from({ length: 130 }, (_, index) => `volunteer${pad(index)}`);
    await store.transaction(async (tx) => {
      await tx.service.insertActivity(activity('a1', { capacity: 200 }));
      for (const id of members) await tx.users.insert(user(id));
    });
    await store.transaction(async (tx) => {
      for (const [index, memberId] of members.entries()) await tx.service.saveSignup(signup('a1', memberId, { signedUpAt: T0 + Math.floor(index / 2) }));
    });
    const listed = await store.read((tx) => tx.service.listSignups('a1'));
    expect(listed.map((record) => record.memberId)).toEqual(members);
  });
});
