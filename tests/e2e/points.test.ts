import { expectText } from '../support/browser';
import { useE2e } from '../support/e2e';
import { decodeQrOnScreen, waitForQrImages } from '../support/screen';

jest.setTimeout(120_000);

const e2e = useE2e();
const signIn = e2e.signIn;

test('a member shows the code, the shop redeems an item, both see the new balance; the same code is refused again', async () => {
  const member = await signIn('demo-member-2'); // 李红梅, 77 points
  await member.locator('#go-points').click();
  await expectText(member.locator('#points-balance'), '77');
  await member.locator('#go-redeem-code').click();
  await expectText(member.locator('#redeem-available'), '可用积分 77 分');
  // The shop scans what the screen shows: the code is read from a screenshot, not from the page's text.
  const code = (await decodeQrOnScreen((await waitForQrImages(member)).first())) ?? '';
  expect(code).toMatch(/^R1\./);

  const staff = await signIn('demo-shop-1');
  await staff.locator('#go-till').click();
  await staff.locator('#till-code input').fill(code);
  await staff.locator('#till-inspect').click();
  await expectText(staff.locator('#till-member'), '李** · 可用 77 分', { contains: true });
  await staff.locator('#pick-it_demo_soap-plus').click();
  await staff.locator('#till-confirm').click();
  await expectText(staff.locator('#till-receipt .receipt-total'), '合计扣除 10 分');
  await expectText(staff.locator('#till-receipt .receipt-available'), '对方剩余可用 67 分');

  // A screenshot of the same code, shown again: refused.
  await staff.locator('#till-code input').fill(code);
  await staff.locator('#till-inspect').click();
  await expectText(staff.locator('.error'), '这个兑换码已经用过了', { contains: true });

  await member.goto(`${e2e.url}/#/pages/points/index`);
  await expectText(member.locator('#points-balance'), '67');
  await expectText(member.locator('.points-item').first(), '幸福里积分超市兑换：洗衣皂 2 块×1', { contains: true });
});

test('an online order holds the points until the shop scans the pickup code', async () => {
  const member = await signIn('demo-member-3'); // 张志强, 114 points
  await member.goto(`${e2e.url}/#/pages/market/catalog/index`);
  await expectText(member.locator('#catalog-available'), '可用积分 114 分');
  await member.locator('#pick-it_demo_towel-plus').click();
  await member.locator('#order-submit').click();
  await expectText(member.locator('.order-item .order-status').first(), '待取货');
  const pickupCode = (await member.locator('.pickup-code').first().innerText()).trim();
  expect(pickupCode).toMatch(/^P1\./);

  await member.goto(`${e2e.url}/#/pages/points/index`);
  await expectText(member.locator('#points-balance'), '99');
  await expectText(member.locator('#points-held'), '冻结 15 分', { contains: true });

  const staff = await signIn('demo-shop-1');
  await staff.goto(`${e2e.url}/#/pages/market/till/index`);
  await staff.locator('#pickup-code input').fill(pickupCode);
  await staff.locator('#pickup-confirm').click();
  await expectText(staff.locator('#till-receipt .title'), '已取货');

  await member.goto(`${e2e.url}/#/pages/market/orders/index`);
  await expectText(member.locator('.order-item .order-status').first(), '已取货');
  await member.goto(`${e2e.url}/#/pages/points/index`);
  await expectText(member.locator('#points-balance'), '99');
  expect(await member.locator('#points-held').count()).toBe(0);

  const admin = await signIn('demo-admin');
  await admin.goto(`${e2e.url}/#/pages/admin/points/index`);
  await expectText(admin.locator('#summary-redeemed'), '兑换 25 分');
  await admin.locator('#verify-ledger').click();
  await expectText(admin.locator('#ledger-report .subtitle'), '账目平衡，没有发现问题');
});
