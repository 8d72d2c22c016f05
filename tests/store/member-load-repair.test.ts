import { createCloudbaseStore } from '../../src/server/adapters/cloudbase/cloudbase-store';
import { emptyLoad, recountMemberLoads } from '../../src/server/adapters/cloudbase/member-load';
import type { CandidateQuery } from '../../src/server/ports';
import { MemoryDocDb } from '../support/memory-doc-db';
import { CENTER, DAY, T0, member, offset, request, seedCommunities, user } from './fixtures';

// The CloudBase store keeps dispatch load on the member documents; this is its repair from history.
describe('CloudBase member load, rebuilt from the requests', () => {
  const query: CandidateQuery = {
    communityId: 'c1',
    center: CENTER,
    radiusM: 3000,
    skills: [],
    excludeMemberIds: [],
    openTaskCap: 99,
    householdId: null,
    since: T0 - 30 * DAY,
    period: 'weekday_evening',
    urgent: true,
  };

  it('gives back the same candidates and figures after every load was lost', async () => {
    const db = new MemoryDocDb();
    const store = createCloudbaseStore(db);
    await seedCommunities(store);
    await store.transaction(async (tx) => {
      for (const [id, east] of [['m_a', 100], ['m_b', 200]] as const) {
        await tx.users.insert(user(id, { name: id, home: offset(CENTER, east, 0), roles: ['member'] }));
        await tx.members.save(member(id, { home: offset(CENTER, east, 0) }));
      }
      await tx.requests.insert(request('r1', { state: 'accepted', assigneeId: 'm_a', acceptedAt: T0 - DAY }));
      await tx.requests.insert(request('r2', { state: 'rated', assigneeId: 'm_a', acceptedAt: T0 - 40 * DAY, ratingStars: 3 }));
      await tx.requests.insert(request('r3', { state: 'rated', assigneeId: 'm_b', acceptedAt: T0 - 2 * DAY, ratingStars: 5 }));
      await tx.requests.insert(request('r4', { state: 'accepted', assigneeId: 'm_b', acceptedAt: T0 - 3 * DAY }));
    });
    const candidates = () => store.read((tx) => tx.members.findCandidates(query));
    const kept = await candidates();
    expect(kept.find((found) => found.memberId === 'm_a')).toMatchObject({ openTasks: 1, tasksLast30Days: 1, averageRating: 3 });
    expect(kept.find((found) => found.memberId === 'm_b')).toMatchObject({ openTasks: 1, tasksLast30Days: 2, averageRating: 5 });

    for (const id of ['m_a', 'm_b', 'member1']) await db.direct.update('members', id, { load: emptyLoad() });
    expect(await candidates()).not.toEqual(kept);

    expect(await recountMemberLoads(db, 'c1', T0)).toBeGreaterThanOrEqual(2);
    expect(await candidates()).toEqual(kept);
  });
});
