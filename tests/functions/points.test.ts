import { DEFAULT_EARNING_RULES } from '../../src/shared/domain/points-rules';
import { earnPoints } from '../../src/server/points-ledger/earn-points';
import { createTestWorld, fingerprint, type TestWorld } from '../support/test-runtime';
import { LINKED_MEMBER, OTHER_MEMBER, RESIDENT, repairRequest, seedDemo } from '../support/fixtures';

const SAVER = 'demo-member-2'; // 李红梅, 77 points carried over
const RICH = 'demo-member-3'; // 张志强, 114 points carried over
const STAFF = 'demo-shop-1';
const ADMIN = 'demo-admin';
const SOAP = 'it_demo_soap'; // 10 points, stock 100
const RICE = 'it_demo_rice'; // 60 points, stock 20, 1 a month
const OIL = 'it_demo_oil'; // 50 points
const TOWEL = 'it_demo_towel'; // 15 points, stock 40, 2 a month

let world: TestWorld;
beforeEach(() => {
  world = createTestWorld();
  seedDemo(world);
  // History is newest first by time; start a minute after the carried-over balances.
  world.clock.advanceMinutes(1);
});
afterEach(() => world.close());

const codeOf = async (openid: string) => (await world.ok('points', 'issueCode', {}, openid)).code;
const mine = (openid: string) => world.ok('points', 'getMine', { limit: 50 }, openid);
const stockOf = (itemId: string) => (world.local.store.db.prepare('SELECT stock FROM catalog_items WHERE id = ?').get(itemId) as { stock: number | null }).stock;
const verify = () => world.ok('points', 'verifyLedger', {}, ADMIN);
let tokens = 0;
const token = () => `token-${++tokens}-abcdef`;

async function redeem(openid: string, lines: { itemId: string; qty: number }[], clientToken = token()) {
  const code = await codeOf(openid);
  return world.call('points', 'redeem', { clientToken, code, lines }, STAFF);
}

describe('in-store redemption with a dynamic code', () => {
  test('the till sees a masked name and the balance, redeems, and both sides see the result', async () => {
    const code = await codeOf(SAVER);
    expect(code).toMatch(/^R1\.u_demo_member_2\./);
    const seen = await world.ok('points', 'inspectCode', { code }, STAFF);
    expect(seen).toMatchObject({ memberName: '李**', available: 77, shop: { id: 's_demo_1', name: '幸福里积分超市' } });
    expect(seen.items.find((item) => item.id === RICE)).toMatchObject({ price: 60, remainingThisMonth: 1 });

    const receipt = await world.ok('points', 'redeem', { clientToken: 'till-sale-0001', code, lines: [{ itemId: SOAP, qty: 2 }] }, STAFF);
    expect(receipt).toMatchObject({ memberAvailable: 57, redemption: { status: 'completed', total: 20, memberName: '李**', refundable: true, lines: [{ name: '洗衣皂 2 块', qty: 2, price: 10 }] } });
    expect(stockOf(SOAP)).toBe(98);

    const points = await mine(SAVER);
    expect(points).toMatchObject({ balance: 57, held: 0, available: 57 });
    expect(points.items[0]).toMatchObject({ amount: -20, kind: 'redemption', memo: '幸福里积分超市兑换：洗衣皂 2 块×2' });
    const inbox = await world.ok('community', 'listInbox', { limit: 5 }, SAVER);
    expect(inbox.items[0]).toMatchObject({ title: '在幸福里积分超市兑换成功', body: '洗衣皂 2 块×2，扣除 20 分，可用积分 57 分' });
    const orders = await world.ok('points', 'listMyOrders', { limit: 5 }, SAVER);
    expect(orders.items[0]).toMatchObject({ channel: 'in_store', status: 'completed', memberName: '李红梅', pickupCode: null });
    expect((await verify()).problems).toEqual([]);
  });

  test('a used code, a replayed screenshot after expiry, a forged or foreign code all fail and change nothing', async () => {
    const code = await codeOf(SAVER);
    await world.ok('points', 'redeem', { clientToken: 'till-sale-0002', code, lines: [{ itemId: SOAP, qty: 1 }] }, STAFF);
    const before = fingerprint(world);
    expect(await world.call('points', 'redeem', { clientToken: 'till-sale-0003', code, lines: [{ itemId: SOAP, qty: 1 }] }, STAFF)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '这个兑换码已经用过了，请对方刷新后重新出示' },
    });
    expect(await world.call('points', 'inspectCode', { code }, STAFF)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const screenshot = await codeOf(SAVER);
    world.clock.advanceMinutes(1.1);
    expect(await world.call('points', 'redeem', { clientToken: 'till-sale-0004', code: screenshot, lines: [{ itemId: SOAP, qty: 1 }] }, STAFF)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: '兑换码已过期，请对方刷新兑换码后再扫' },
    });

    const fresh = await codeOf(SAVER);
    const forged = fresh.replace('u_demo_member_2', 'u_demo_member_3');
    expect(await world.call('points', 'redeem', { clientToken: 'till-sale-0005', code: forged, lines: [{ itemId: SOAP, qty: 1 }] }, STAFF)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await world.call('points', 'inspectCode', { code: 'not a code' }, STAFF)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const foreign = await codeOf(OTHER_MEMBER);
    expect(await world.call('points', 'inspectCode', { code: foreign }, STAFF)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(fingerprint(world)).toBe(before);
  });

  test('a retried redemption returns the first receipt; the same token for another sale is refused', async () => {
    const code = await codeOf(SAVER);
    const input = { clientToken: 'till-sale-0006', code, lines: [{ itemId: SOAP, qty: 1 }] };
    const [first, second] = await Promise.all([world.ok('points', 'redeem', input, STAFF), world.ok('points', 'redeem', input, STAFF)]);
    world.clock.advanceMinutes(5); // the code has expired by now; the retry still answers
    const third = await world.ok('points', 'redeem', input, STAFF);
    expect(second.redemption.id).toBe(first.redemption.id);
    expect(third.redemption.id).toBe(first.redemption.id);
    expect(world.count('redemptions')).toBe(1);
    expect((await mine(SAVER)).balance).toBe(67);
    expect(await world.call('points', 'redeem', { ...input, lines: [{ itemId: SOAP, qty: 2 }] }, STAFF)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  test('not enough points: refused with the figures, nothing taken, and the code still works for less', async () => {
    const code = await codeOf(SAVER);
    const before = fingerprint(world);
    const refused = await world.call('points', 'redeem', { clientToken: 'till-sale-0007', code, lines: [{ itemId: RICE, qty: 1 }, { itemId: OIL, qty: 1 }] }, STAFF);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_POINTS', message: '积分不足：可用 77 分，需要 110 分' } });
    expect(fingerprint(world)).toBe(before);
    await world.ok('points', 'redeem', { clientToken: 'till-sale-0008', code, lines: [{ itemId: RICE, qty: 1 }] }, STAFF);
    expect((await mine(SAVER)).available).toBe(17);
  });

  test('monthly limits count per member and reset with the month; stock runs out; off-shelf items cannot be taken', async () => {
    expect((await redeem(RICH, [{ itemId: RICE, qty: 1 }])).ok).toBe(true);
    expect(await redeem(RICH, [{ itemId: RICE, qty: 1 }])).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '「东北大米 5 斤」每人每月限兑 1 件，本月还可兑 0 件' } });
    expect((await redeem(SAVER, [{ itemId: RICE, qty: 1 }])).ok).toBe(true); // another member's own limit
    world.clock.current = Date.UTC(2026, 11, 1, 2, 0, 0); // 10:00 on 1 December in China
    await world.ok('points', 'adjust', { clientToken: 'topup-rich-0001', memberId: 'u_demo_member_3', amount: 100, reason: '十一月志愿服务补录' }, ADMIN);
    expect((await redeem(RICH, [{ itemId: RICE, qty: 1 }])).ok).toBe(true);

    const towel = await world.ok('points', 'saveItem', { itemId: TOWEL, name: '毛巾', kind: 'goods', price: 15, stock: 1, monthlyLimit: null }, STAFF);
    expect(towel).toMatchObject({ stock: 1, monthlyLimit: null });
    expect(await redeem(RICH, [{ itemId: TOWEL, qty: 2 }])).toMatchObject({ ok: false, error: { code: 'OUT_OF_STOCK', message: '「毛巾」库存不足，还剩 1 件' } });
    await world.ok('points', 'saveItem', { itemId: TOWEL, name: '毛巾', kind: 'goods', price: 15, stock: 1, monthlyLimit: null, onShelf: false }, STAFF);
    expect(await redeem(RICH, [{ itemId: TOWEL, qty: 1 }])).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '「毛巾」已下架' } });
    expect(stockOf(TOWEL)).toBe(1);
    expect((await verify()).problems).toEqual([]);
  });

  test('staff refund a redemption the same day once, with a reversing posting and the stock back; not the next day', async () => {
    world.clock.advanceMinutes(1);
    const sale = await redeem(SAVER, [{ itemId: SOAP, qty: 3 }]);
    world.clock.advanceMinutes(1);
    if (!sale.ok) throw new Error(sale.error.message);
    const input = { redemptionId: sale.data.redemption.id, reason: '顾客拿错了' };
    const [refund, again] = await Promise.all([world.ok('points', 'refund', input, STAFF), world.ok('points', 'refund', input, STAFF)]);
    expect(refund).toMatchObject({ memberAvailable: 77, redemption: { status: 'refunded', refundable: false } });
    expect(again.redemption.status).toBe('refunded');
    expect(stockOf(SOAP)).toBe(100);
    const history = (await mine(SAVER)).items;
    expect(history.slice(0, 2)).toEqual([
      expect.objectContaining({ amount: 30, kind: 'refund', memo: '幸福里积分超市退还：顾客拿错了' }),
      expect.objectContaining({ amount: -30, kind: 'redemption' }),
    ]);

    const late = await redeem(SAVER, [{ itemId: SOAP, qty: 1 }]);
    if (!late.ok) throw new Error(late.error.message);
    world.clock.advanceMinutes(24 * 60);
    expect(await world.call('points', 'refund', { redemptionId: late.data.redemption.id, reason: '第二天来退' }, STAFF)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '只能退还当天已完成的兑换' },
    });
    const day = await world.ok('points', 'listShopRedemptions', {}, STAFF);
    expect(day.today).toEqual([]);
    expect((await verify()).problems).toEqual([]);
  });

  test('staff of another shop can neither refund nor see this shop', async () => {
    const shop = await world.ok('community', 'createShop', { name: '社区书吧', kind: 'book_bar' }, ADMIN);
    await world.ok('community', 'joinShop', { code: shop.inviteCode }, 'demo-resident-2');
    const sale = await redeem(SAVER, [{ itemId: SOAP, qty: 1 }]);
    if (!sale.ok) throw new Error(sale.error.message);
    expect(await world.call('points', 'refund', { redemptionId: sale.data.redemption.id, reason: '想退掉' }, 'demo-resident-2')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await world.call('points', 'listShopItems', { shopId: 's_demo_1' }, 'demo-resident-2')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await world.ok('points', 'listShopItems', {}, 'demo-resident-2')).toMatchObject({ shop: { name: '社区书吧' }, items: [] });
  });
});

describe('online orders with a hold and a pickup code', () => {
  const order = (openid: string, lines: { itemId: string; qty: number }[], clientToken = token()) =>
    world.ok('points', 'placeOrder', { clientToken, shopId: 's_demo_1', lines }, openid);

  test('ordering holds the points and the stock; pickup settles them once; the shop was told', async () => {
    const placed = await order(SAVER, [{ itemId: TOWEL, qty: 2 }]);
    expect(placed).toMatchObject({ memberAvailable: 47, redemption: { status: 'pending', total: 30, channel: 'order' } });
    expect(placed.redemption.pickupCode).toMatch(/^P1\./);
    expect(placed.redemption.pickupQr).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(await mine(SAVER)).toMatchObject({ balance: 77, held: 30, available: 47 });
    expect(stockOf(TOWEL)).toBe(38);
    expect((await world.ok('community', 'listInbox', { limit: 5 }, STAFF)).items[0]).toMatchObject({ title: '有新的积分兑换订单' });
    expect((await world.ok('points', 'listShopRedemptions', {}, STAFF)).pendingOrders.map((pending) => pending.id)).toEqual([placed.redemption.id]);

    // Held points cannot be spent twice.
    expect(await redeem(SAVER, [{ itemId: OIL, qty: 1 }])).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_POINTS', message: '积分不足：可用 47 分，需要 50 分' } });

    const code = placed.redemption.pickupCode ?? '';
    const [picked, retried] = await Promise.all([world.ok('points', 'confirmPickup', { code }, STAFF), world.ok('points', 'confirmPickup', { code }, STAFF)]);
    expect(picked).toMatchObject({ memberAvailable: 47, redemption: { status: 'picked_up', memberName: '李**', pickupCode: null } });
    expect(retried.redemption.id).toBe(picked.redemption.id);
    expect(await mine(SAVER)).toMatchObject({ balance: 47, held: 0, available: 47 });
    expect(world.local.store.db.prepare(`SELECT COUNT(*) AS n FROM postings WHERE kind = 'order_pickup'`).get()).toEqual({ n: 1 });
    expect(await world.call('points', 'cancelOrder', { orderId: picked.redemption.id }, SAVER)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '订单已取货，不能取消' } });
    expect(await world.call('points', 'confirmPickup', { code: `${code.slice(0, -2)}xx` }, STAFF)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect((await verify()).problems).toEqual([]);
  });

  test('cancel releases the hold and the stock exactly once; a retried order is one order', async () => {
    const input = { clientToken: 'order-token-0001', shopId: 's_demo_1', lines: [{ itemId: TOWEL, qty: 1 }] };
    const [first, second] = await Promise.all([world.ok('points', 'placeOrder', input, SAVER), world.ok('points', 'placeOrder', input, SAVER)]);
    expect(second.redemption.id).toBe(first.redemption.id);
    expect(await mine(SAVER)).toMatchObject({ held: 15 });
    const [cancelled, again] = await Promise.all([
      world.ok('points', 'cancelOrder', { orderId: first.redemption.id }, SAVER),
      world.ok('points', 'cancelOrder', { orderId: first.redemption.id }, SAVER),
    ]);
    expect(cancelled.status).toBe('cancelled');
    expect(again.status).toBe('cancelled');
    expect(await mine(SAVER)).toMatchObject({ balance: 77, held: 0, available: 77 });
    expect(stockOf(TOWEL)).toBe(40);
    expect(await world.call('points', 'confirmPickup', { code: first.redemption.pickupCode ?? '' }, STAFF)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '订单已取消，不能取货' } });
    expect(await world.call('points', 'cancelOrder', { orderId: first.redemption.id }, RICH)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await verify()).problems).toEqual([]);
  });

  test('an order not picked up in time expires on the scheduler: points and stock come back, the member is told', async () => {
    const placed = await order(SAVER, [{ itemId: TOWEL, qty: 1 }]);
    world.clock.advanceMinutes(71 * 60);
    await world.tick();
    expect(await mine(SAVER)).toMatchObject({ held: 15 });
    world.clock.advanceMinutes(2 * 60);
    expect(await world.call('points', 'confirmPickup', { code: placed.redemption.pickupCode ?? '' }, STAFF)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const report = await world.tick();
    expect(report).toMatchObject({ ok: true, data: { orders: { expired: 1 } } });
    expect(await mine(SAVER)).toMatchObject({ balance: 77, held: 0 });
    expect(stockOf(TOWEL)).toBe(40);
    expect((await world.ok('points', 'listMyOrders', { limit: 5 }, SAVER)).items[0]).toMatchObject({ status: 'expired', pickupCode: null });
    expect((await world.ok('community', 'listInbox', { limit: 5 }, SAVER)).items[0]).toMatchObject({ title: '兑换订单已过期' });
    expect(await world.tick()).toMatchObject({ ok: true, data: { orders: { expired: 0 } } });
    expect((await verify()).problems).toEqual([]);
  });

  test('an order needs a shop of the member\'s own community and enough available points', async () => {
    expect(await world.call('points', 'placeOrder', { clientToken: token(), shopId: 's_demo_1', lines: [{ itemId: SOAP, qty: 1 }] }, OTHER_MEMBER)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const before = fingerprint(world);
    expect(await world.call('points', 'placeOrder', { clientToken: token(), shopId: 's_demo_1', lines: [{ itemId: RICE, qty: 1 }, { itemId: OIL, qty: 1 }] }, SAVER)).toMatchObject({
      ok: false,
      error: { code: 'INSUFFICIENT_POINTS' },
    });
    expect(await world.call('points', 'placeOrder', { clientToken: token(), shopId: 's_demo_1', lines: [{ itemId: SOAP, qty: 1 }, { itemId: SOAP, qty: 1 }] }, SAVER)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: '同一商品请合并数量' },
    });
    expect(await world.call('points', 'placeOrder', { clientToken: token(), shopId: 's_demo_1', lines: [] }, SAVER)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(fingerprint(world)).toBe(before);
  });
});

describe('earning rules, adjustments and the admin view', () => {
  test('the community\'s rules decide completion points and the rating bonus', async () => {
    await world.ok('points', 'updateRules', { ...DEFAULT_EARNING_RULES, completion: { ...DEFAULT_EARNING_RULES.completion, repair: 12 }, urgentBonus: 0, ratingBonusMinStars: 4, ratingBonus: 2 }, ADMIN);
    expect(await world.ok('points', 'getRules', {}, LINKED_MEMBER)).toMatchObject({ completion: { repair: 12 }, ratingBonus: 2 });
    const request = await world.ok('requests', 'submit', repairRequest(), RESIDENT);
    await world.ok('requests', 'accept', { requestId: request.id }, LINKED_MEMBER);
    expect(await world.ok('requests', 'complete', { requestId: request.id, note: '修好了', photos: [] }, LINKED_MEMBER)).toMatchObject({ pointsAwarded: 12 });
    await world.ok('requests', 'rate', { requestId: request.id, stars: 4, comment: '' }, RESIDENT);
    expect(await mine(LINKED_MEMBER)).toMatchObject({ balance: 14 });
    expect(await world.call('points', 'updateRules', { ...DEFAULT_EARNING_RULES, ratingBonusMinStars: 6 }, ADMIN)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  test('adjustments need a reason, stay within the limit and the balance, are audited and retried once', async () => {
    world.clock.advanceMinutes(1);
    const input = { clientToken: 'adjust-token-01', memberId: 'u_demo_member_2', amount: 20, reason: '补录 11 月义诊活动' };
    const [first, second] = await Promise.all([world.ok('points', 'adjust', input, ADMIN), world.ok('points', 'adjust', input, ADMIN)]);
    expect(second.postingId).toBe(first.postingId);
    expect(first).toMatchObject({ balance: 97, available: 97 });
    const before = fingerprint(world);
    // The same token with another reason is not a retry: refused, and the first adjustment stays as it was.
    const otherReason = await world.call('points', 'adjust', { ...input, reason: '补录 11 月义诊活动（更正）' }, ADMIN);
    expect(otherReason).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(fingerprint(world)).toBe(before);
    const refusals = await Promise.all([
      world.call('points', 'adjust', { ...input, clientToken: 'adjust-token-02', amount: -98 }, ADMIN),
      world.call('points', 'adjust', { ...input, clientToken: 'adjust-token-03', amount: 501 }, ADMIN),
      world.call('points', 'adjust', { ...input, clientToken: 'adjust-token-04', reason: '补' }, ADMIN),
      world.call('points', 'adjust', { ...input, clientToken: 'adjust-token-05', amount: 0 }, ADMIN),
      world.call('points', 'adjust', { ...input, clientToken: 'adjust-token-06', memberId: 'u_demo_resident_1' }, ADMIN),
      world.call('points', 'adjust', { ...input, clientToken: 'adjust-token-07', memberId: 'u_demo_member_other' }, ADMIN),
    ]);
    expect(refusals.map((result) => (result.ok ? 'ok' : result.error.code))).toEqual(['INSUFFICIENT_POINTS', 'VALIDATION_FAILED', 'VALIDATION_FAILED', 'VALIDATION_FAILED', 'VALIDATION_FAILED', 'FORBIDDEN']);
    expect(fingerprint(world)).toBe(before);
    world.clock.advanceMinutes(1);
    await world.ok('points', 'adjust', { ...input, clientToken: 'adjust-token-08', amount: -7, reason: '重复登记，扣回' }, ADMIN);
    const audit = await world.ok('points', 'listAdjustments', { limit: 10 }, ADMIN);
    expect(audit.items.map(({ memberName, amount, reason, actorName }) => ({ memberName, amount, reason, actorName }))).toEqual([
      { memberName: '李红梅', amount: -7, reason: '重复登记，扣回', actorName: '陈书记' },
      { memberName: '李红梅', amount: 20, reason: '补录 11 月义诊活动', actorName: '陈书记' },
    ]);
    expect((await world.ok('community', 'listInbox', { limit: 5 }, SAVER)).items.map((item) => item.title)).toEqual(['积分扣减 7 分', '积分增加 20 分']);
    const ledger = await world.ok('points', 'getMemberLedger', { memberId: 'u_demo_member_2', limit: 10 }, ADMIN);
    expect(ledger).toMatchObject({ name: '李红梅', balance: 90 });
    expect(ledger.items.map((item) => item.amount)).toEqual([-7, 20, 77]);
  });

  test('the summary adds up, the leaderboard ranks earners, and the invariant check finds a tampered balance', async () => {
    await world.ok('points', 'adjust', { clientToken: 'adjust-token-11', memberId: 'u_demo_member_5', amount: 300, reason: '年度优秀党员奖励' }, ADMIN);
    await redeem(SAVER, [{ itemId: SOAP, qty: 2 }]);
    const sale = await redeem(RICH, [{ itemId: OIL, qty: 1 }]);
    if (!sale.ok) throw new Error(sale.error.message);
    await world.ok('points', 'refund', { redemptionId: sale.data.redemption.id, reason: '油洒了' }, STAFF);
    const month = await world.ok('points', 'getSummary', { period: 'month' }, ADMIN);
    const openings = (world.local.store.db.prepare(`SELECT SUM(amount) AS s FROM postings WHERE kind = 'opening_balance'`).get() as { s: number }).s;
    expect(month).toMatchObject({ issued: 300 + openings, redeemed: 70, refunded: 50, outstanding: 300 + openings - 20, held: 0 });
    // Carried-over balances are issued but not earned this month: only the award ranks.
    expect(month.leaderboard).toEqual([{ memberId: 'u_demo_member_5', name: '陈德明', earned: 300 }]);

    expect(await verify()).toMatchObject({ problems: [], communities: 1 });
    world.local.store.db.prepare(`UPDATE accounts SET balance = balance + 5 WHERE id = 'member:u_demo_member_2'`).run();
    const report = await verify();
    expect(report.problems).toEqual(
      expect.arrayContaining([
        { communityId: 'c_demo', accountId: 'member:u_demo_member_2', message: '余额 62 与流水重算的 57 不一致' },
        { communityId: 'c_demo', accountId: null, message: '社区各账户余额合计为 5，应为 0' },
      ]),
    );
  });

  test('daily caps clip duty and activity earnings, and lift the next China day', async () => {
    const store = world.local.store;
    const duty = (key: string, amount: number) =>
      store.transaction((tx) =>
        earnPoints(tx, { idempotencyKey: key, communityId: 'c_demo', memberId: 'u_demo_member_1', kind: 'duty', amount, ref: null, memo: '服务中心值守', dailyCap: 16 }, world.clock.now()),
      );
    expect((await duty('duty-1', 10)).posting?.amount).toBe(10);
    const clipped = await duty('duty-2', 10);
    expect(clipped).toMatchObject({ cappedBy: 4, posting: { amount: 6, memo: '服务中心值守（已达每日上限，记 6 分）' } });
    expect(await duty('duty-2', 10)).toMatchObject({ posting: { id: clipped.posting?.id } });
    expect(await duty('duty-3', 4)).toEqual({ posting: null, cappedBy: 4 });
    world.clock.advanceMinutes(24 * 60);
    expect((await duty('duty-4', 4)).posting?.amount).toBe(4);
    expect((await mine(LINKED_MEMBER)).balance).toBe(20);
  });
});
