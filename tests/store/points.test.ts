import type { AccountKind, AccountRecord, CatalogItemRecord, HoldRecord, PostingRecord, RedemptionRecord, ShopRecord, Store } from '../../src/server/ports';
import { describeEachStore, freshStoreEachTest } from './harness';
import { T0, DAY, allPages, newestFirst, pad } from './fixtures';



function account(kind: AccountKind, ownerId: string, overrides: Partial<AccountRecord> = {}): AccountRecord {
  return { id: `${kind}:${ownerId}`, communityId: 'c1', kind, ownerId, balance: 0, held: 0, allowNegative: kind === 'issuance', ...overrides };
}

function posting(id: string, overrides: Partial<PostingRecord> = {}): PostingRecord {
  return {
    id,
    idempotencyKey: `key-${id}`,
    communityId: 'c1',
    debitAccountId: 'issuance:c1',
    creditAccountId: 'member:member1',
    amount: 5,
    kind: 'task_completed',
    ref: null,
    memo: '完成求助',
    payloadHash: `hash-${id}`,
    actorId: null,
    createdAt: T0,
    ...overrides,
  };
}

function hold(id: string, overrides: Partial<HoldRecord> = {}): HoldRecord {
  return {
    id,
    idempotencyKey: `hold-key-${id}`,
    communityId: 'c1',
    accountId: 'member:member1',
    amount: 10,
    status: 'pending',
    ref: null,
    expiresAt: T0 + DAY,
    createdAt: T0,
    settledAt: null,
    ...overrides,
  };
}

function shop(id: string, overrides: Partial<ShopRecord> = {}): ShopRecord {
  return { id, communityId: 'c1', name: `店铺${id}`, kind: 'supermarket', description: '', inviteCode: `CODE${id.toUpperCase()}`, createdAt: T0, ...overrides };
}

function item(id: string, overrides: Partial<CatalogItemRecord> = {}): CatalogItemRecord {
  return {
    id,
    shopId: 's1',
    communityId: 'c1',
    name: `商品${id}`,
    kind: 'goods',
    description: '',
    price: 10,
    stock: 5,
    monthlyLimit: null,
    photos: [],
    onShelf: true,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

function redemption(id: string, overrides: Partial<RedemptionRecord> = {}): RedemptionRecord {
  return {
    id,
    idempotencyKey: `redeem-key-${id}`,
    payloadHash: `hash-${id}`,
    communityId: 'c1',
    shopId: 's1',
    memberId: 'member1',
    staffId: null,
    channel: 'in_store',
    status: 'completed',
    lines: [{ itemId: 'i1', name: '商品i1', price: 10, qty: 1 }],
    total: 10,
    holdId: null,
    postingId: null,
    refundPostingId: null,
    refundReason: null,
    createdAt: T0,
    settledAt: T0,
    expiresAt: null,
    updatedAt: T0,
    ...overrides,
  };
}

/** The usual accounts of c1 and c2: issuance, three members, a shop; and c2's issuance and resident. */
const ACCOUNTS: AccountRecord[] = [
  account('issuance', 'c1'),
  account('member', 'member1'),
  account('member', 'member2'),
  account('member', 'member3'),
  account('shop', 's1'),
  account('issuance', 'c2', { communityId: 'c2' }),
  account('member', 'resident9', { communityId: 'c2' }),
];

async function seedLedger(store: Store, postings: readonly PostingRecord[] = []): Promise<void> {
  await store.transaction(async (tx) => {
    for (const record of ACCOUNTS) await tx.ledger.createAccount(record);
  });
  // Large sets go in several transactions (a CloudBase transaction is kept small).
  for (let start = 0; start < postings.length; start += 50) {
    await store.transaction(async (tx) => {
      for (const record of postings.slice(start, start + 50)) await tx.ledger.insertPosting(record);
    });
  }
}

describeEachStore('points: ledger', (kind) => {
  const store = freshStoreEachTest(kind);

  it('creates and reads accounts, and refuses a second account with the same id', async () => {
    await seedLedger(store);
    expect(await store.read((tx) => tx.ledger.getAccount('member:member1'))).toEqual(account('member', 'member1'));
    expect(await store.read((tx) => tx.ledger.getAccount('issuance:c2'))).toEqual(account('issuance', 'c2', { communityId: 'c2' }));
    expect(await store.read((tx) => tx.ledger.getAccount('member:nobody'))).toBeNull();
    await expect(store.transaction((tx) => tx.ledger.createAccount(account('member', 'member1', { balance: 99 })))).rejects.toBeDefined();
    expect((await store.read((tx) => tx.ledger.getAccount('member:member1')))?.balance).toBe(0);
  });

  it('moves balances only within the limits, and changes nothing when refused', async () => {
    await seedLedger(store);
    await store.transaction(async (tx) => {
      expect(await tx.ledger.moveAccount('member:member1', 30, 0)).toBe(true);
      expect(await tx.ledger.moveAccount('issuance:c1', -30, 0)).toBe(true);
    });
    const move = (id: string, balance: number, held: number) => store.transaction((tx) => tx.ledger.moveAccount(id, balance, held));
    // Hold 20 of 30: 10 left to spend.
    expect(await move('member:member1', 0, 20)).toBe(true);
    expect(await move('member:member1', -11, 0)).toBe(false);
    expect(await move('member:member1', 0, 11)).toBe(false);
    expect(await move('member:member1', 0, -21)).toBe(false);
    expect(await store.read((tx) => tx.ledger.getAccount('member:member1'))).toMatchObject({ balance: 30, held: 20 });
    // Settling from the hold takes balance and held together.
    expect(await move('member:member1', -20, -20)).toBe(true);
    expect(await move('member:member1', -10, 0)).toBe(true);
    expect(await move('member:member1', -1, 0)).toBe(false);
    expect(await store.read((tx) => tx.ledger.getAccount('member:member1'))).toMatchObject({ balance: 0, held: 0 });
    // Issuance may go negative, but never hold a negative amount.
    expect(await move('issuance:c1', -1000, 0)).toBe(true);
    expect(await move('issuance:c1', 0, -1)).toBe(false);
    expect(await store.read((tx) => tx.ledger.getAccount('issuance:c1'))).toMatchObject({ balance: -1030, held: 0 });
    expect(await move('member:nobody', 5, 0)).toBe(false);
  });

  it('sees its own account writes inside the transaction, and none of them when the transaction fails', async () => {
    const seen = await store.transaction(async (tx) => {
      await tx.ledger.createAccount(account('member', 'member2', { balance: 8 }));
      expect(await tx.ledger.moveAccount('member:member2', -5, 0)).toBe(true);
      expect(await tx.ledger.moveAccount('member:member2', -5, 0)).toBe(false);
      return tx.ledger.getAccount('member:member2');
    });
    expect(seen?.balance).toBe(3);
    await expect(
      store.transaction(async (tx) => {
        await tx.ledger.moveAccount('member:member2', -3, 0);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await store.read((tx) => tx.ledger.getAccount('member:member2')))?.balance).toBe(3);
  });

  it('lets exactly as many concurrent debits through as the balance covers, and stops at the floor', async () => {
    await seedLedger(store);
    // 75 with 5 held: 70 to spend, so seven debits of 10.
    await store.transaction(async (tx) => {
      await tx.ledger.moveAccount('issuance:c1', -75, 0);
      await tx.ledger.moveAccount('member:member1', 75, 5);
    });
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        store.transaction(async (tx) => {
          if (!(await tx.ledger.moveAccount('member:member1', -10, 0))) return false;
          return tx.ledger.moveAccount('shop:s1', 10, 0);
        }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(7);
    expect(await store.read((tx) => tx.ledger.getAccount('member:member1'))).toMatchObject({ balance: 5, held: 5 });
    expect((await store.read((tx) => tx.ledger.getAccount('shop:s1')))?.balance).toBe(70);
  });

  it('keeps idempotency keys unique: a posting is found by its key, inside its transaction and after, and a second one is refused', async () => {
    await seedLedger(store);
    const first = posting('p1', { ref: 'r1', actorId: 'admin1', kind: 'adjustment_credit', memo: '补录' });
    const inside = await store.transaction(async (tx) => {
      await tx.ledger.insertPosting(first);
      return tx.ledger.findPostingByKey('key-p1');
    });
    expect(inside).toEqual(first);
    expect(await store.read((tx) => tx.ledger.findPostingByKey('key-p1'))).toEqual(first);
    expect(await store.read((tx) => tx.ledger.findPostingByKey('key-none'))).toBeNull();
    // Same key, another posting: refused, and the whole transaction with it.
    await expect(
      store.transaction(async (tx) => {
        await tx.ledger.moveAccount('member:member1', 1, 0);
        await tx.ledger.insertPosting(posting('p2', { idempotencyKey: 'key-p1' }));
      }),
    ).rejects.toBeDefined();
    // Same id, another key: refused too.
    await expect(store.transaction((tx) => tx.ledger.insertPosting(posting('p1', { idempotencyKey: 'key-other' })))).rejects.toBeDefined();
    expect(await store.read((tx) => tx.ledger.findPostingByKey('key-other'))).toBeNull();
    expect((await store.read((tx) => tx.ledger.getAccount('member:member1')))?.balance).toBe(0);
    expect(await store.read((tx) => tx.ledger.countPostings(null))).toBe(1);
  });

  it('finds a retried posting by its key instead of writing it twice, even when the retries race', async () => {
    await seedLedger(store);
    const post = (id: string) =>
      store.transaction(async (tx) => {
        const existing = await tx.ledger.findPostingByKey('request-complete:r1');
        if (existing) return existing;
        if (!(await tx.ledger.moveAccount('issuance:c1', -5, 0)) || !(await tx.ledger.moveAccount('member:member1', 5, 0))) throw new Error('refused');
        const record = posting(id, { idempotencyKey: 'request-complete:r1' });
        await tx.ledger.insertPosting(record);
        return record;
      });
    const first = await post('p-first');
    const retried = await Promise.all(Array.from({ length: 10 }, (_, index) => post(`p-retry${index}`)));
    for (const result of retried) expect(result).toEqual(first);
    expect(await store.read((tx) => tx.ledger.countPostings('c1'))).toBe(1);
    expect((await store.read((tx) => tx.ledger.getAccount('member:member1')))?.balance).toBe(5);
  });

  it("lists an account's postings (debits and credits) newest first, paging over more than 100 without losing or repeating one", async () => {
    const postings: PostingRecord[] = [];
    for (let index = 0; index < 150; index++) {
      // Three postings per millisecond, so pages break inside a millisecond; every third one a spend.
      const spend = index % 3 === 2;
      postings.push(
        posting(`p${pad(index)}`, {
          createdAt: T0 + Math.floor(index / 3),
          debitAccountId: spend ? 'member:member1' : 'issuance:c1',
          creditAccountId: spend ? 'shop:s1' : 'member:member1',
          kind: spend ? 'redemption' : 'task_completed',
          amount: 1,
        }),
      );
    }
    postings.push(posting('q-other', { creditAccountId: 'member:member2', createdAt: T0 + 10 }));
    postings.push(posting('q-c2', { communityId: 'c2', debitAccountId: 'issuance:c2', creditAccountId: 'member:resident9', createdAt: T0 + 10 }));
    await seedLedger(store, postings);
    const expected = postings.filter((record) => record.debitAccountId === 'member:member1' || record.creditAccountId === 'member:member1').sort(newestFirst);
    expect(expected).toHaveLength(150);
    for (const limit of [7, 40, 120]) {
      expect(await allPages((page) => store.read((tx) => tx.ledger.listPostings('member:member1', page)), limit)).toEqual(expected);
    }
    const shopSide = await allPages((page) => store.read((tx) => tx.ledger.listPostings('shop:s1', page)), 20);
    expect(shopSide.map((record) => record.id)).toEqual(expected.filter((record) => record.creditAccountId === 'shop:s1').map((record) => record.id));
    expect((await store.read((tx) => tx.ledger.listPostings('member:member2', { limit: 10 }))).items.map((record) => record.id)).toEqual(['q-other']);
    expect(await store.read((tx) => tx.ledger.listPostings('member:nobody', { limit: 10 }))).toEqual({ items: [], nextCursor: null });
  });

  it('lists postings of some kinds in one community newest first, paging over more than 100', async () => {
    const postings: PostingRecord[] = [];
    for (let index = 0; index < 130; index++) {
      const credit = index % 2 === 0;
      postings.push(
        posting(`a${pad(index)}`, {
          kind: credit ? 'adjustment_credit' : 'adjustment_debit',
          debitAccountId: credit ? 'issuance:c1' : 'member:member2',
          creditAccountId: credit ? 'member:member2' : 'issuance:c1',
          actorId: 'admin1',
          createdAt: T0 + Math.floor(index / 4),
        }),
      );
    }
    for (let index = 0; index < 20; index++) postings.push(posting(`t${pad(index)}`, { createdAt: T0 + index }));
    postings.push(posting('a-c2', { communityId: 'c2', kind: 'adjustment_credit', debitAccountId: 'issuance:c2', creditAccountId: 'member:resident9' }));
    await seedLedger(store, postings);
    const kinds = ['adjustment_credit', 'adjustment_debit'];
    const expected = postings.filter((record) => record.communityId === 'c1' && kinds.includes(record.kind)).sort(newestFirst);
    expect(expected).toHaveLength(130);
    for (const limit of [9, 50]) {
      expect(await allPages((page) => store.read((tx) => tx.ledger.listPostingsOfKinds('c1', kinds, page)), limit)).toEqual(expected);
    }
    const credits = await allPages((page) => store.read((tx) => tx.ledger.listPostingsOfKinds('c1', ['adjustment_credit'], page)), 50);
    expect(credits).toEqual(expected.filter((record) => record.kind === 'adjustment_credit'));
    expect((await store.read((tx) => tx.ledger.listPostingsOfKinds('c2', kinds, { limit: 10 }))).items.map((record) => record.id)).toEqual(['a-c2']);
    expect(await store.read((tx) => tx.ledger.listPostingsOfKinds('c1', [], { limit: 10 }))).toEqual({ items: [], nextCursor: null });
  });

  it('sums what an account was credited since a moment, by kind', async () => {
    await seedLedger(store, [
      posting('d1', { kind: 'duty', amount: 3, createdAt: T0 - 1 }),
      posting('d2', { kind: 'duty', amount: 4, createdAt: T0 }),
      posting('d3', { kind: 'duty', amount: 5, createdAt: T0 + 100 }),
      posting('t1', { kind: 'task_completed', amount: 7, createdAt: T0 + 100 }),
      posting('d4', { kind: 'duty', amount: 6, creditAccountId: 'member:member2', createdAt: T0 + 100 }),
      // Spent by member1: a debit, not a credit.
      posting('s1', { kind: 'duty', amount: 2, debitAccountId: 'member:member1', creditAccountId: 'shop:s1', createdAt: T0 + 100 }),
    ]);
    const sum = (kinds: string[], since: number) => store.read((tx) => tx.ledger.sumCredited('member:member1', kinds, since));
    expect(await sum(['duty'], T0)).toBe(9);
    expect(await sum(['duty'], T0 - 1)).toBe(12);
    expect(await sum(['duty', 'task_completed'], T0)).toBe(16);
    expect(await sum(['activity'], 0)).toBe(0);
    expect(await sum([], 0)).toBe(0);
    expect(await store.read((tx) => tx.ledger.sumCredited('member:nobody', ['duty'], 0))).toBe(0);
  });

  it('keeps hold keys unique, finds a hold by key inside its transaction, and settles it exactly once', async () => {
    await seedLedger(store);
    const first = hold('h1', { ref: 'o1' });
    expect(
      await store.transaction(async (tx) => {
        await tx.ledger.insertHold(first);
        return tx.ledger.findHoldByKey('hold-key-h1');
      }),
    ).toEqual(first);
    expect(await store.read((tx) => tx.ledger.getHold('h1'))).toEqual(first);
    expect(await store.read((tx) => tx.ledger.getHold('h-none'))).toBeNull();
    expect(await store.read((tx) => tx.ledger.findHoldByKey('hold-key-none'))).toBeNull();
    await expect(store.transaction((tx) => tx.ledger.insertHold(hold('h2', { idempotencyKey: 'hold-key-h1' })))).rejects.toBeDefined();
    expect(await store.read((tx) => tx.ledger.getHold('h2'))).toBeNull();

    expect(await store.transaction((tx) => tx.ledger.settleHold('h1', 'confirmed', T0 + 5))).toBe(true);
    expect(await store.transaction((tx) => tx.ledger.settleHold('h1', 'voided', T0 + 6))).toBe(false);
    expect(await store.transaction((tx) => tx.ledger.settleHold('h-none', 'voided', T0 + 6))).toBe(false);
    expect(await store.read((tx) => tx.ledger.getHold('h1'))).toEqual({ ...first, status: 'confirmed', settledAt: T0 + 5 });

    await store.transaction((tx) => tx.ledger.insertHold(hold('h3')));
    const racers = await Promise.all(
      Array.from({ length: 10 }, (_, index) => store.transaction((tx) => tx.ledger.settleHold('h3', index % 2 === 0 ? 'confirmed' : 'voided', T0 + index))),
    );
    expect(racers.filter(Boolean)).toHaveLength(1);
    const settled = await store.read((tx) => tx.ledger.getHold('h3'));
    expect(settled?.status).toBe(racers.indexOf(true) % 2 === 0 ? 'confirmed' : 'voided');
    expect(settled?.settledAt).toBe(T0 + racers.indexOf(true));
  });

  it('lists pending holds that are due, soonest first, up to the limit', async () => {
    await seedLedger(store);
    await store.transaction(async (tx) => {
      await tx.ledger.insertHold(hold('h-late', { expiresAt: T0 + 300 }));
      await tx.ledger.insertHold(hold('h-early', { expiresAt: T0 + 100 }));
      await tx.ledger.insertHold(hold('h-now', { expiresAt: T0 + 200 }));
      await tx.ledger.insertHold(hold('h-future', { expiresAt: T0 + 201 }));
      await tx.ledger.insertHold(hold('h-done', { expiresAt: T0 + 50 }));
      await tx.ledger.insertHold(hold('h-c2', { communityId: 'c2', accountId: 'member:resident9', expiresAt: T0 + 150 }));
    });
    await store.transaction((tx) => tx.ledger.settleHold('h-done', 'confirmed', T0 + 60));
    const ids = (holds: HoldRecord[]) => holds.map((record) => record.id);
    expect(ids(await store.read((tx) => tx.ledger.listHoldsDue(T0 + 200, 10)))).toEqual(['h-early', 'h-c2', 'h-now']);
    expect(ids(await store.read((tx) => tx.ledger.listHoldsDue(T0 + 200, 2)))).toEqual(['h-early', 'h-c2']);
    expect(ids(await store.read((tx) => tx.ledger.listHoldsDue(T0 + 99, 10)))).toEqual([]);
    expect(ids(await store.read((tx) => tx.ledger.listHoldsDue(T0 + 1000, 10)))).toEqual(['h-early', 'h-c2', 'h-now', 'h-future', 'h-late']);
  });

  it('audits every account against the replay of its postings and its pending holds, over more than 100 postings', async () => {
    const postings: PostingRecord[] = [];
    // 240 earnings for three members, and some spending at the shop, all through the balances.
    const balances = new Map<string, number>(ACCOUNTS.map((record) => [record.id, 0]));
    const move = (record: PostingRecord) => {
      postings.push(record);
      balances.set(record.debitAccountId, (balances.get(record.debitAccountId) ?? 0) - record.amount);
      balances.set(record.creditAccountId, (balances.get(record.creditAccountId) ?? 0) + record.amount);
    };
    for (let index = 0; index < 240; index++) {
      move(posting(`e${pad(index)}`, { creditAccountId: `member:member${(index % 3) + 1}`, amount: (index % 7) + 1, createdAt: T0 + Math.floor(index / 5) }));
    }
    for (let index = 0; index < 30; index++) {
      move(posting(`s${pad(index)}`, { debitAccountId: 'member:member1', creditAccountId: 'shop:s1', kind: 'redemption', amount: 2, createdAt: T0 + 100 + index }));
    }
    move(posting('x-c2', { communityId: 'c2', debitAccountId: 'issuance:c2', creditAccountId: 'member:resident9', amount: 9 }));
    await seedLedger(store, postings);
    // Balances as the postings say, except member3 (one point too many); member2 holds 4 for an order.
    await store.transaction(async (tx) => {
      for (const [id, balance] of balances) if (balance !== 0) expect(await tx.ledger.moveAccount(id, balance + (id === 'member:member3' ? 1 : 0), 0)).toBe(true);
      expect(await tx.ledger.moveAccount('member:member2', 0, 4)).toBe(true);
      await tx.ledger.insertHold(hold('h-pending', { accountId: 'member:member2', amount: 4 }));
      await tx.ledger.insertHold(hold('h-settled', { accountId: 'member:member2', amount: 6 }));
      await tx.ledger.insertHold(hold('h-c2', { communityId: 'c2', accountId: 'member:resident9', amount: 3 }));
    });
    await store.transaction((tx) => tx.ledger.settleHold('h-settled', 'voided', T0));

    const audits = await store.read((tx) => tx.ledger.auditAccounts('c1'));
    expect(audits.map((audit) => audit.account.id)).toEqual(['issuance:c1', 'member:member1', 'member:member2', 'member:member3', 'shop:s1']);
    for (const audit of audits) {
      expect(audit.replayedBalance).toBe(balances.get(audit.account.id));
      expect(audit.account.balance).toBe((balances.get(audit.account.id) ?? 0) + (audit.account.id === 'member:member3' ? 1 : 0));
      expect(audit.pendingHolds).toBe(audit.account.id === 'member:member2' ? 4 : 0);
    }
    expect(audits.find((audit) => audit.account.id === 'member:member2')?.account.held).toBe(4);
    expect(audits.reduce((sum, audit) => sum + audit.replayedBalance, 0)).toBe(0);
    const memberAudits = audits.filter((audit) => audit.account.kind === 'member');
    expect(await store.read((tx) => tx.ledger.sumAccounts('c1', 'member'))).toEqual({
      balance: memberAudits.reduce((sum, audit) => sum + audit.account.balance, 0),
      held: 4,
    });
    expect(await store.read((tx) => tx.ledger.sumAccounts('c1', 'shop'))).toEqual({ balance: balances.get('shop:s1'), held: 0 });
    expect(await store.read((tx) => tx.ledger.sumAccounts('c2', 'member'))).toEqual({ balance: 9, held: 0 });
    expect(await store.read((tx) => tx.ledger.sumAccounts('c-none', 'member'))).toEqual({ balance: 0, held: 0 });

    const everything = await store.read((tx) => tx.ledger.auditAccounts(null));
    expect(everything.map((audit) => audit.account.id)).toEqual(['issuance:c1', 'member:member1', 'member:member2', 'member:member3', 'shop:s1', 'issuance:c2', 'member:resident9']);
    expect(everything.find((audit) => audit.account.id === 'member:resident9')).toEqual({
      account: account('member', 'resident9', { communityId: 'c2', balance: 9 }),
      replayedBalance: 9,
      pendingHolds: 3,
    });
    expect(await store.read((tx) => tx.ledger.countPostings('c1'))).toBe(270);
    expect(await store.read((tx) => tx.ledger.countPostings('c2'))).toBe(1);
    expect(await store.read((tx) => tx.ledger.countPostings(null))).toBe(271);
    expect(await store.read((tx) => tx.ledger.auditAccounts('c-none'))).toEqual([]);
  });

  it('replays, sums and ranks over thousands of postings (many read batches, ties across batch edges) without losing or repeating one', async () => {
    const postings: PostingRecord[] = [];
    const kinds = ['task_completed', 'duty', 'activity', 'rating_bonus'];
    for (let index = 0; index < 2600; index++) {
      postings.push(
        posting(`b${pad(index)}`, {
          creditAccountId: `member:member${(index % 3) + 1}`,
          kind: kinds[index % kinds.length],
          amount: (index % 5) + 1,
          // Seven postings per millisecond: read batches end inside a millisecond.
          createdAt: T0 + Math.floor(index / 7),
        }),
      );
    }
    await seedLedger(store, postings);
    const since = T0 + 100;
    const recent = postings.filter((record) => record.createdAt >= since);
    const total = (records: PostingRecord[]) => records.reduce((sum, record) => sum + record.amount, 0);

    const audits = await store.read((tx) => tx.ledger.auditAccounts('c1'));
    for (const audit of audits) {
      const credited = total(postings.filter((record) => record.creditAccountId === audit.account.id));
      const debited = total(postings.filter((record) => record.debitAccountId === audit.account.id));
      expect(audit.replayedBalance).toBe(credited - debited);
    }
    expect(audits.find((audit) => audit.account.id === 'issuance:c1')?.replayedBalance).toBe(-total(postings));
    expect(await store.read((tx) => tx.ledger.countPostings('c1'))).toBe(2600);

    const expectedSums: Record<string, number> = {};
    for (const record of recent) expectedSums[record.kind] = (expectedSums[record.kind] ?? 0) + record.amount;
    expect(await store.read((tx) => tx.ledger.sumByKind('c1', since))).toEqual(expectedSums);

    const earned = (memberId: string) => total(recent.filter((record) => record.creditAccountId === `member:${memberId}`));
    const board = await store.read((tx) => tx.ledger.leaderboard('c1', since, 10));
    expect(board).toHaveLength(3);
    for (const row of board) expect(row.earned).toBe(earned(row.memberId));
    expect(board.map((row) => row.earned)).toEqual([...board.map((row) => row.earned)].sort((a, b) => b - a));

    expect(await store.read((tx) => tx.ledger.sumCredited('member:member1', ['duty', 'task_completed'], since))).toBe(
      total(recent.filter((record) => record.creditAccountId === 'member:member1' && ['duty', 'task_completed'].includes(record.kind))),
    );
  });

  it('sums postings by kind since a moment in one community', async () => {
    await seedLedger(store, [
      posting('t1', { amount: 5, createdAt: T0 - 1 }),
      posting('t2', { amount: 6, createdAt: T0 }),
      posting('t3', { amount: 7, createdAt: T0 + 1 }),
      posting('r1', { kind: 'redemption', debitAccountId: 'member:member1', creditAccountId: 'shop:s1', amount: 4, createdAt: T0 + 2 }),
      posting('f1', { kind: 'refund', debitAccountId: 'shop:s1', creditAccountId: 'member:member1', amount: 1, createdAt: T0 + 3 }),
      posting('c2', { communityId: 'c2', debitAccountId: 'issuance:c2', creditAccountId: 'member:resident9', amount: 100, createdAt: T0 + 3 }),
    ]);
    expect(await store.read((tx) => tx.ledger.sumByKind('c1', T0))).toEqual({ task_completed: 13, redemption: 4, refund: 1 });
    expect(await store.read((tx) => tx.ledger.sumByKind('c1', 0))).toEqual({ task_completed: 18, redemption: 4, refund: 1 });
    expect(await store.read((tx) => tx.ledger.sumByKind('c2', 0))).toEqual({ task_completed: 100 });
    expect(await store.read((tx) => tx.ledger.sumByKind('c1', T0 + 10))).toEqual({});
  });

  it('ranks members by points earned since a moment, counting only earnings into member accounts', async () => {
    await seedLedger(store, [
      posting('e1', { creditAccountId: 'member:member1', kind: 'task_completed', amount: 10, createdAt: T0 }),
      posting('e2', { creditAccountId: 'member:member1', kind: 'rating_bonus', amount: 2, createdAt: T0 + 1 }),
      posting('e3', { creditAccountId: 'member:member2', kind: 'duty', amount: 7, createdAt: T0 + 1 }),
      posting('e4', { creditAccountId: 'member:member2', kind: 'activity', amount: 5, createdAt: T0 + 2 }),
      posting('e5', { creditAccountId: 'member:member3', kind: 'adjustment_credit', amount: 3, createdAt: T0 + 2 }),
      // Before the period.
      posting('old', { creditAccountId: 'member:member3', kind: 'task_completed', amount: 100, createdAt: T0 - 1 }),
      // Not earnings: opening balances, refunds.
      posting('open', { creditAccountId: 'member:member3', kind: 'opening_balance', amount: 50, createdAt: T0 }),
      posting('ref', { debitAccountId: 'shop:s1', creditAccountId: 'member:member3', kind: 'refund', amount: 50, createdAt: T0 }),
      // An earning kind into a shop account does not rank a member.
      posting('shop', { creditAccountId: 'shop:s1', kind: 'adjustment_credit', amount: 99, createdAt: T0 }),
      posting('c2', { communityId: 'c2', debitAccountId: 'issuance:c2', creditAccountId: 'member:resident9', amount: 500, createdAt: T0 }),
    ]);
    expect(await store.read((tx) => tx.ledger.leaderboard('c1', T0, 10))).toEqual([
      { memberId: 'member1', earned: 12 },
      { memberId: 'member2', earned: 12 },
      { memberId: 'member3', earned: 3 },
    ]);
    expect(await store.read((tx) => tx.ledger.leaderboard('c1', T0, 1))).toEqual([{ memberId: 'member1', earned: 12 }]);
    expect(await store.read((tx) => tx.ledger.leaderboard('c1', 0, 2))).toEqual([
      { memberId: 'member3', earned: 103 },
      { memberId: 'member1', earned: 12 },
    ]);
    expect(await store.read((tx) => tx.ledger.leaderboard('c2', 0, 10))).toEqual([{ memberId: 'resident9', earned: 500 }]);
    expect(await store.read((tx) => tx.ledger.leaderboard('c1', T0 + 10, 10))).toEqual([]);
  });
});

describeEachStore('points: supermarket', (kind) => {
  const store = freshStoreEachTest(kind, async (fresh) => {
    await fresh.transaction(async (tx) => {
      await tx.shops.insert(shop('s1'));
      await tx.shops.insert(shop('s2'));
      await tx.shops.insert(shop('s9', { communityId: 'c2' }));
    });
  });

  it('saves catalog items, keeping the shop, community and creation time of the first save', async () => {
    await store.transaction((tx) => tx.catalog.save(item('i1', { photos: ['cloud://env/a.jpg'], monthlyLimit: 2 })));
    expect(await store.read((tx) => tx.catalog.get('i1'))).toEqual(item('i1', { photos: ['cloud://env/a.jpg'], monthlyLimit: 2 }));
    const edited = item('i1', { name: '大米', kind: 'service', description: '5 斤', price: 30, stock: null, monthlyLimit: null, photos: [], onShelf: false, updatedAt: T0 + 9 });
    await store.transaction((tx) => tx.catalog.save({ ...edited, shopId: 's2', communityId: 'c2', createdAt: T0 + 5 }));
    expect(await store.read((tx) => tx.catalog.get('i1'))).toEqual(edited);
    expect(await store.read((tx) => tx.catalog.get('i-none'))).toBeNull();
  });

  it('lists a shop in creation order (on shelf or all) and a community on shelf by shop', async () => {
    await store.transaction(async (tx) => {
      await tx.catalog.save(item('i3', { createdAt: T0 + 2 }));
      await tx.catalog.save(item('i2', { createdAt: T0 + 1 }));
      await tx.catalog.save(item('i1', { createdAt: T0 + 1, onShelf: false }));
      await tx.catalog.save(item('j1', { shopId: 's2', createdAt: T0 }));
      await tx.catalog.save(item('j2', { shopId: 's2', createdAt: T0 + 3, onShelf: false }));
      await tx.catalog.save(item('k1', { shopId: 's9', communityId: 'c2' }));
    });
    const ids = (items: CatalogItemRecord[]) => items.map((record) => record.id);
    expect(ids(await store.read((tx) => tx.catalog.listByShop('s1', false)))).toEqual(['i1', 'i2', 'i3']);
    expect(ids(await store.read((tx) => tx.catalog.listByShop('s1', true)))).toEqual(['i2', 'i3']);
    expect(ids(await store.read((tx) => tx.catalog.listOnShelfInCommunity('c1')))).toEqual(['i2', 'i3', 'j1']);
    expect(ids(await store.read((tx) => tx.catalog.listOnShelfInCommunity('c2')))).toEqual(['k1']);
    expect(await store.read((tx) => tx.catalog.listByShop('s-none', false))).toEqual([]);
  });

  it('takes stock only while enough is left, always for items without stock, and returns it', async () => {
    await store.transaction(async (tx) => {
      await tx.catalog.save(item('i1', { stock: 5 }));
      await tx.catalog.save(item('i2', { stock: null }));
    });
    const take = (id: string, qty: number) => store.transaction((tx) => tx.catalog.takeStock(id, qty));
    expect(await take('i1', 3)).toBe(true);
    expect(await take('i1', 3)).toBe(false);
    expect((await store.read((tx) => tx.catalog.get('i1')))?.stock).toBe(2);
    expect(await take('i1', 2)).toBe(true);
    expect(await take('i1', 1)).toBe(false);
    expect(await take('i2', 1000)).toBe(true);
    expect(await take('i-none', 1)).toBe(false);
    await store.transaction(async (tx) => {
      await tx.catalog.returnStock('i1', 4);
      await tx.catalog.returnStock('i2', 4);
      await tx.catalog.returnStock('i-none', 4);
    });
    expect((await store.read((tx) => tx.catalog.get('i1')))?.stock).toBe(4);
    expect((await store.read((tx) => tx.catalog.get('i2')))?.stock).toBeNull();
    // A line taken and given back in one transaction.
    expect(
      await store.transaction(async (tx) => {
        expect(await tx.catalog.takeStock('i1', 4)).toBe(true);
        expect(await tx.catalog.takeStock('i1', 1)).toBe(false);
        await tx.catalog.returnStock('i1', 1);
        return (await tx.catalog.get('i1'))?.stock;
      }),
    ).toBe(1);
  });

  it('lets exactly as many concurrent takers through as there is stock', async () => {
    await store.transaction((tx) => tx.catalog.save(item('i1', { stock: 5 })));
    const results = await Promise.all(Array.from({ length: 20 }, () => store.transaction((tx) => tx.catalog.takeStock('i1', 1))));
    expect(results.filter(Boolean)).toHaveLength(5);
    expect((await store.read((tx) => tx.catalog.get('i1')))?.stock).toBe(0);
  });

  it('keeps redemption keys unique and finds a redemption by key inside its transaction', async () => {
    const first = redemption('r1', {
      channel: 'order',
      status: 'pending',
      lines: [
        { itemId: 'i1', name: '大米', price: 10, qty: 2 },
        { itemId: 'i2', name: '理发', price: 5, qty: 1 },
      ],
      total: 25,
      settledAt: null,
      expiresAt: T0 + DAY,
    });
    expect(
      await store.transaction(async (tx) => {
        await tx.catalog.save(item('i1'));
        await tx.catalog.save(item('i2'));
        await tx.redemptions.insert(first);
        return tx.redemptions.findByKey('redeem-key-r1');
      }),
    ).toEqual(first);
    expect(await store.read((tx) => tx.redemptions.get('r1'))).toEqual(first);
    expect(await store.read((tx) => tx.redemptions.get('r-none'))).toBeNull();
    expect(await store.read((tx) => tx.redemptions.findByKey('redeem-key-none'))).toBeNull();
    await expect(store.transaction((tx) => tx.redemptions.insert(redemption('r2', { idempotencyKey: 'redeem-key-r1' })))).rejects.toBeDefined();
    expect(await store.read((tx) => tx.redemptions.get('r2'))).toBeNull();
  });

  it('updates a redemption only from the expected statuses', async () => {
    await store.transaction(async (tx) => {
      await tx.catalog.save(item('i1'));
      await tx.redemptions.insert(redemption('r1', { channel: 'order', status: 'pending', settledAt: null }));
    });
    expect(await store.transaction((tx) => tx.redemptions.update('r1', ['completed', 'picked_up'], { status: 'refunded', updatedAt: T0 + 1 }))).toBe(false);
    expect((await store.read((tx) => tx.redemptions.get('r1')))?.status).toBe('pending');
    expect(await store.transaction((tx) => tx.redemptions.update('r1', ['pending'], { status: 'picked_up', staffId: 'resident2', settledAt: T0 + 2, updatedAt: T0 + 2 }))).toBe(true);
    expect(await store.transaction((tx) => tx.redemptions.update('r1', ['pending'], { status: 'cancelled', updatedAt: T0 + 3 }))).toBe(false);
    expect(await store.transaction((tx) => tx.redemptions.update('r-none', ['pending'], { status: 'cancelled', updatedAt: T0 + 3 }))).toBe(false);
    expect(await store.read((tx) => tx.redemptions.get('r1'))).toEqual(
      redemption('r1', { channel: 'order', status: 'picked_up', staffId: 'resident2', settledAt: T0 + 2, updatedAt: T0 + 2 }),
    );
    // Ten pickups of one order at once: one wins.
    await store.transaction((tx) => tx.redemptions.insert(redemption('r2', { channel: 'order', status: 'pending', settledAt: null })));
    const racers = await Promise.all(Array.from({ length: 10 }, (_, index) => store.transaction((tx) => tx.redemptions.update('r2', ['pending'], { status: 'picked_up', updatedAt: T0 + index }))));
    expect(racers.filter(Boolean)).toHaveLength(1);
  });

  it("lists a shop's redemptions since a moment (newest first) and its pending orders (oldest first)", async () => {
    await store.transaction(async (tx) => {
      await tx.catalog.save(item('i1'));
      await tx.redemptions.insert(redemption('r-old', { createdAt: T0 - 1 }));
      await tx.redemptions.insert(redemption('r-a', { createdAt: T0 }));
      await tx.redemptions.insert(redemption('r-b', { createdAt: T0 }));
      await tx.redemptions.insert(redemption('r-c', { createdAt: T0 + 5, channel: 'order', status: 'pending', settledAt: null }));
      await tx.redemptions.insert(redemption('r-d', { createdAt: T0 - 10, channel: 'order', status: 'pending', settledAt: null }));
      await tx.redemptions.insert(redemption('r-e', { createdAt: T0 + 6, channel: 'order', status: 'cancelled', settledAt: null }));
      await tx.redemptions.insert(redemption('r-s2', { shopId: 's2', createdAt: T0 + 1, channel: 'order', status: 'pending', settledAt: null }));
    });
    const ids = (records: RedemptionRecord[]) => records.map((record) => record.id);
    expect(ids(await store.read((tx) => tx.redemptions.listForShopSince('s1', T0)))).toEqual(['r-e', 'r-c', 'r-b', 'r-a']);
    expect(ids(await store.read((tx) => tx.redemptions.listPendingForShop('s1')))).toEqual(['r-d', 'r-c']);
    expect(ids(await store.read((tx) => tx.redemptions.listPendingForShop('s2')))).toEqual(['r-s2']);
    expect(await store.read((tx) => tx.redemptions.listForShopSince('s9', 0))).toEqual([]);
  });

  it("pages a member's redemptions newest first over more than 100 without losing or repeating one", async () => {
    const records: RedemptionRecord[] = [];
    for (let index = 0; index < 130; index++) records.push(redemption(`r${pad(index)}`, { createdAt: T0 + Math.floor(index / 4) }));
    records.push(redemption('x-other', { memberId: 'member2' }));
    await store.transaction((tx) => tx.catalog.save(item('i1')));
    for (let start = 0; start < records.length; start += 50) {
      await store.transaction(async (tx) => {
        for (const record of records.slice(start, start + 50)) await tx.redemptions.insert(record);
      });
    }
    const expected = records.filter((record) => record.memberId === 'member1').sort(newestFirst);
    for (const limit of [6, 50]) {
      expect(await allPages((page) => store.read((tx) => tx.redemptions.listForMember('member1', page)), limit)).toEqual(expected);
    }
    expect((await store.read((tx) => tx.redemptions.listForMember('member2', { limit: 10 }))).items.map((record) => record.id)).toEqual(['x-other']);
  });

  it('counts what a member took of some items since a moment, only in live redemptions', async () => {
    const line = (itemId: string, qty: number) => ({ itemId, name: itemId, price: 10, qty });
    await store.transaction(async (tx) => {
      for (const id of ['i1', 'i2', 'i3']) await tx.catalog.save(item(id));
      await tx.redemptions.insert(redemption('r1', { lines: [line('i1', 2), line('i2', 1)], createdAt: T0 }));
      await tx.redemptions.insert(redemption('r2', { lines: [line('i1', 1)], status: 'pending', channel: 'order', createdAt: T0 + 1 }));
      await tx.redemptions.insert(redemption('r3', { lines: [line('i1', 4)], status: 'picked_up', channel: 'order', createdAt: T0 + 2 }));
      await tx.redemptions.insert(redemption('r4', { lines: [line('i1', 8)], status: 'refunded', createdAt: T0 + 3 }));
      await tx.redemptions.insert(redemption('r5', { lines: [line('i1', 16)], status: 'cancelled', channel: 'order', createdAt: T0 + 3 }));
      await tx.redemptions.insert(redemption('r6', { lines: [line('i1', 32)], status: 'expired', channel: 'order', createdAt: T0 + 3 }));
      await tx.redemptions.insert(redemption('r7', { lines: [line('i1', 64)], createdAt: T0 - 1 }));
      await tx.redemptions.insert(redemption('r8', { lines: [line('i1', 128)], memberId: 'member2', createdAt: T0 }));
      await tx.redemptions.insert(redemption('r9', { lines: [line('i3', 5)], createdAt: T0 }));
    });
    const taken = (ids: string[], since: number) => store.read((tx) => tx.redemptions.takenSince('member1', ids, since));
    expect(await taken(['i1', 'i2'], T0)).toEqual({ i1: 7, i2: 1 });
    expect(await taken(['i1'], T0 - 1)).toEqual({ i1: 71 });
    expect(await taken(['i2', 'i-none'], T0)).toEqual({ i2: 1 });
    expect(await taken([], 0)).toEqual({});
    // A refund takes the items off the count.
    await store.transaction((tx) => tx.redemptions.update('r1', ['completed'], { status: 'refunded', updatedAt: T0 + 9 }));
    expect(await taken(['i1', 'i2', 'i3'], T0)).toEqual({ i1: 5, i3: 5 });
  });

  it('uses a code once per nonce, even when the scans race, and prunes expired codes', async () => {
    expect(await store.transaction((tx) => tx.redemptions.useCode('n1', 'member1', T0 + 100, T0))).toBe(true);
    expect(await store.transaction((tx) => tx.redemptions.useCode('n1', 'member1', T0 + 100, T0 + 1))).toBe(false);
    expect(await store.read((tx) => tx.redemptions.isCodeUsed('n1'))).toBe(true);
    expect(await store.read((tx) => tx.redemptions.isCodeUsed('n2'))).toBe(false);
    expect(
      await store.transaction(async (tx) => {
        expect(await tx.redemptions.useCode('n2', 'member2', T0 + 200, T0)).toBe(true);
        return tx.redemptions.isCodeUsed('n2');
      }),
    ).toBe(true);
    const racers = await Promise.all(Array.from({ length: 10 }, () => store.transaction((tx) => tx.redemptions.useCode('n3', 'member3', T0 + 300, T0))));
    expect(racers.filter(Boolean)).toHaveLength(1);

    expect(await store.transaction((tx) => tx.redemptions.pruneCodes(T0 + 200))).toBe(1);
    expect(await store.read((tx) => tx.redemptions.isCodeUsed('n1'))).toBe(false);
    expect(await store.read((tx) => tx.redemptions.isCodeUsed('n2'))).toBe(true);
    expect(await store.transaction((tx) => tx.redemptions.pruneCodes(T0 + 200))).toBe(0);
    expect(await store.transaction((tx) => tx.redemptions.pruneCodes(T0 + 301))).toBe(2);
    // Once pruned, a nonce is free again (its code expired long before; expired codes are refused earlier).
    expect(await store.transaction((tx) => tx.redemptions.useCode('n1', 'member1', T0 + 100, T0 + 400))).toBe(true);
  });
});
