import type { AuditEntry } from '../../src/server/ports';
import { describeEachStore, freshStoreEachTest } from './harness';
import { T0, allPages } from './fixtures';

const entry = (id: string, overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  id,
  communityId: 'c1',
  actorId: 'admin1',
  actorName: '管理员',
  actorRoles: ['admin', 'resident'],
  action: 'points.adjust',
  targetId: 'member1',
  detail: 'amount=20',
  at: T0,
  ...overrides,
});

describeEachStore('audit log', (kind) => {
  const store = freshStoreEachTest(kind);

  it('appends inside a transaction, once even when the same entry comes again, and lists newest first across communities', async () => {
    await store.transaction(async (tx) => {
      for (let index = 0; index < 120; index++) await tx.audit.append(entry(`au${String(index).padStart(3, '0')}`, { at: T0 + Math.floor(index / 3), communityId: index % 4 === 0 ? 'c2' : 'c1' }));
    });
    // The same entry again (a replayed call, later): the first stays as it was.
    await store.transaction((tx) => tx.audit.append(entry('au000', { at: T0 + 999, communityId: 'c2' })));
    const mine = await allPages((page) => store.read((tx) => tx.audit.list(['c1'], page)), 25);
    expect(mine).toHaveLength(90);
    expect(mine.map((item) => item.id)).toEqual([...mine].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1)).map((item) => item.id));
    const both = await allPages((page) => store.read((tx) => tx.audit.list(['c1', 'c2'], page)), 50);
    expect(both).toHaveLength(120);
    expect(both.find((item) => item.id === 'au001')).toEqual(entry('au001', { at: T0 }));
    expect(both.find((item) => item.id === 'au000')).toEqual(entry('au000', { at: T0, communityId: 'c2' }));
  });

  it('writes nothing when the transaction it was in fails', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.audit.append(entry('au_failed'));
        throw new Error('the write it records was refused');
      }),
    ).rejects.toThrow('refused');
    expect((await store.read((tx) => tx.audit.list(['c1'], { limit: 10 }))).items).toEqual([]);
  });
});
