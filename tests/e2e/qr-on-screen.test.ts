import type { Page } from 'playwright-core';
import { buildScene } from '../../src/shared/domain/scene';
import { useE2e } from '../support/e2e';
import { newToken } from '../support/fixtures';
import { decodeQrOnScreen, sceneOf, waitForQrImages } from '../support/screen';

jest.setTimeout(300_000);

/**
 * Every QR code the app shows is read from a screenshot of the page, as a phone camera would read it, on
 * the narrowest and a common phone width: whole, on screen, and holding what it should.
 */
const e2e = useE2e();
const { api } = e2e;
const WIDTHS = [320, 375];
const phone = (width: number) => ({ viewport: { width, height: width === 320 ? 640 : 812 } });

/** Decodes every QR image of the page that shows, in order. */
async function decodeAll(page: Page, count: number): Promise<(string | null)[]> {
  const images = await waitForQrImages(page, '.qr-picture img', count);
  const decoded: (string | null)[] = [];
  for (let index = 0; index < (await images.count()); index++) decoded.push(await decodeQrOnScreen(images.nth(index)));
  return decoded;
}

test('the checks catch what they look for: a code pushed half off the screen does not decode', async () => {
  const page = await e2e.signIn('demo-admin', phone(320));
  await e2e.open(page, 'admin/qr/index');
  const [whole] = await decodeAll(page, 1);
  expect(sceneOf(whole ?? '')).toBe('c=c_demo');
  // As the old fixed 480 px image did: wider than the screen, its right side cut off.
  await page.locator('.taro_page_show .qr-picture').first().evaluate((element) => {
    (element as HTMLElement).style.cssText = 'width:480px;height:480px;max-width:none;margin:0';
  });
  expect(await decodeQrOnScreen(page.locator('.taro_page_show .qr-picture img').first())).toBeNull();
});

test.each(WIDTHS)('%i px: the community and grid codes on 社区二维码 decode from the screen to their scenes', async (width) => {
  const grids = await api('community', 'listGrids', {}, 'demo-admin');
  const page = await e2e.signIn('demo-admin', phone(width));
  await e2e.open(page, 'admin/qr/index');
  const scenes = (await decodeAll(page, 1 + grids.items.length)).map((text) => sceneOf(text ?? ''));
  expect(scenes).toEqual([buildScene({ kind: 'community', id: 'c_demo' }), ...grids.items.map((grid) => buildScene({ kind: 'grid', id: grid.id }))]);
});

test.each(WIDTHS)('%i px: a service point’s 打卡二维码 and an activity’s 签到二维码 decode from the screen', async (width) => {
  const points = await api('community', 'listServicePoints', {}, 'demo-admin');
  const page = await e2e.signIn('demo-admin', phone(width));
  await e2e.open(page, 'admin/service-points/index');
  await page.locator('.taro_page_show .service-point-item').first().getByText('显示打卡二维码').click();
  expect((await decodeAll(page, 1)).map((text) => sceneOf(text ?? ''))).toEqual([buildScene({ kind: 'service_point', id: points.items[0].id })]);

  const startsAt = Date.now() + 864e5;
  const activity = await api(
    'service',
    'createActivity',
    { title: '清理楼道杂物', place: '幸福里小区 3 栋', location: { lat: 30.6586, lng: 104.0657 }, startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + 7_200_000).toISOString(), capacity: 10, points: 5 },
    'demo-admin',
  );
  await e2e.open(page, `admin/activity/index?id=${activity.id}`);
  await page.locator('.taro_page_show').getByText('显示签到二维码').click();
  expect((await decodeAll(page, 1)).map((text) => sceneOf(text ?? ''))).toEqual([buildScene({ kind: 'activity', id: activity.id })]);
});

test.each(WIDTHS)('%i px: the member’s 兑换码 decodes from the screen and the page shows no user id; a pickup code decodes too', async (width) => {
  const page = await e2e.signIn('demo-member-2', phone(width));
  await e2e.open(page, 'market/code/index');
  const [code] = await decodeAll(page, 1);
  expect(code).toMatch(/^R1\./);
  expect(await page.locator('.taro_page_show').innerText()).not.toMatch(/u_demo|R1\./);

  const order = await api('points', 'placeOrder', { clientToken: newToken(), shopId: 's_demo_1', lines: [{ itemId: 'it_demo_soap', qty: 1 }] }, 'demo-member-2');
  await e2e.open(page, 'market/orders/index');
  const [pickup] = await decodeAll(page, 1);
  expect(order.redemption.pickupCode).toMatch(/^P1\./);
  expect(pickup).toBe(order.redemption.pickupCode);
});
