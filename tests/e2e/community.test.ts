import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG as PngImage } from 'pngjs';
import { expectText } from '../support/browser';
import { useE2e } from '../support/e2e';

jest.setTimeout(120_000);

const e2e = useE2e();
/** At home in 和平苑, with location allowed, as a phone would be. */
const AT_HOME = { permissions: ['geolocation'], geolocation: { latitude: 30.6532, longitude: 104.0816 } };
const newPage = (): Promise<Page> => e2e.newPage(AT_HOME);
const signIn = (openid: string): Promise<Page> => e2e.signIn(openid, AT_HOME);

/** What a phone camera would read from the printed community code. */
async function scanCommunityCode(): Promise<string> {
  const png = Buffer.from(await (await fetch(`${e2e.url}/qr?scene=${encodeURIComponent('c=c_demo')}`)).arrayBuffer());
  const image = PngImage.sync.read(png);
  const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  if (!decoded) throw new Error('the QR code did not decode');
  return decoded.data;
}

test('a new resident scans the community code, joins, and asks for help', async () => {
  const page = await newPage();
  await page.goto(await scanCommunityCode());
  await expectText(page.locator('#join-community'), '幸福里社区');
  await page.locator('#join-name input').fill('周阿姨');
  await page.locator('#join-phone input').fill('13512340000');
  await page.locator('#building-b_demo_3').click();
  await page.locator('#join-door input').fill('2 单元 302');
  await page.locator('#join-submit').click();
  await expectText(page.locator('#greeting'), '您好，周阿姨');

  await page.locator('#go-new-request').click();
  await page.locator('#category-errand').click();
  await page.locator('#description textarea').fill('腿脚不便，请帮忙去社区领一下老年卡');
  expect(await page.locator('#address input').inputValue()).toBe('和平苑 5 栋 2 单元 302');
  await page.locator('#use-location').click();
  await expectText(page.locator('#location-note'), '已使用当前位置');
  await page.locator('#submit-request').click();
  await expectText(page.locator('#request-state'), '派单中');
});

test('an admin approves a member application and the applicant sees it', async () => {
  const admin = await signIn('demo-admin');
  await admin.locator('#go-admin').click();
  await admin.locator('#admin-applications').click();
  await expectText(admin.locator('.application-item').first(), '钱志远', { contains: true });
  await admin.locator('#approve-u_demo_applicant').click();
  await expectText(admin.locator('.muted').last(), '没有待审核的申请。');

  const applicant = await signIn('demo-applicant-1');
  await applicant.locator('#go-apply').click();
  await expectText(applicant.locator('#application-status'), '已通过');
});
