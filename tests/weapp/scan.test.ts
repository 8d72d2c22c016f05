import { DEMO_CENTER, offset } from '../../src/server/seed/demo-data';
import { createWeappWorld, type WeappWorld } from '../support/weapp/weapp-world';

jest.setTimeout(60_000);

let world: WeappWorld;
beforeEach(() => {
  world = createWeappWorld();
});
afterEach(() => world.close());

test('a member scans the service point’s code with WeChat’s camera and checks in on the spot', async () => {
  const member = await world.launch('demo-member-2', 'pages/service/duty/index');
  await member.waitFor(() => member.find('duty-scan'), 'the scan button');
  // The point's mini-program code, as WeChat's scanner reads it: its page path with the scene.
  member.script.scans.push(`pages/service/duty/index?scene=${encodeURIComponent('sp=sp_demo_1')}`);
  const here = offset(DEMO_CENTER, 30, 20);
  member.script.location = { latitude: here.lat, longitude: here.lng };
  member.tap('duty-scan');
  await member.waitFor(() => member.find('duty-check-in'), 'the check-in button');
  member.tap('duty-check-in');
  await member.waitForText('用户隐私保护提示');
  member.tap('privacy-agree');
  await member.waitFor(() => member.find('duty-check-out'), 'checked in', 10_000);
  expect(member.functionCalls()).toContain('service.checkIn');
  expect(member.failedCalls).toEqual([]);
  expect(member.errors).toEqual([]);
});

test('a scanned code that is not a service point’s is refused with a clear message', async () => {
  const member = await world.launch('demo-member-2', 'pages/service/duty/index');
  await member.waitFor(() => member.find('duty-scan'), 'the scan button');
  member.script.scans.push('https://example.com/not-ours');
  member.tap('duty-scan');
  await member.waitForText('这不是服务点的签到二维码');
});

test('the shop scans a member’s 兑换码 at the till and redeems a bar of soap', async () => {
  const { code } = await world.functions.ok('points', 'issueCode', {}, 'demo-member-2');
  const shop = await world.launch('demo-shop-1', 'pages/market/till/index');
  await shop.waitFor(() => shop.find('till-code-scan'), 'the scan button');
  shop.script.scans.push(code);
  shop.tap('till-code-scan');
  await shop.waitFor(() => shop.find('till-inspect') && (shop.find('till-code')?.instance?.data as { value?: string } | undefined)?.value === code, 'the code in the field');
  shop.tap('till-inspect');
  await shop.waitForText('可用');
  shop.tap('pick-it_demo_soap-plus');
  await shop.waitForText('确认兑换（');
  shop.tap('till-confirm');
  await shop.waitFor(() => shop.find('till-receipt'), 'the receipt', 10_000);
  expect(shop.functionCalls()).toEqual(expect.arrayContaining(['points.inspectCode', 'points.redeem']));
  expect(shop.failedCalls).toEqual([]);
  expect(shop.errors).toEqual([]);
});
