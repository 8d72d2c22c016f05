import jsQR from 'jsqr';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG as PngImage } from 'pngjs';
import { expectText, launchChromium, PHONE } from '../support/browser';
import { startTestHost, type TestHost } from '../support/local-host';

jest.setTimeout(120_000);

let testHost: TestHost;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  testHost = await startTestHost({ withH5: true });
  browser = await launchChromium();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await testHost?.close();
});

async function newPage(): Promise<Page> {
  // At home in 和平苑, with location allowed, as a phone would be.
  const context = await browser.newContext({ ...PHONE, permissions: ['geolocation'], geolocation: { latitude: 30.6532, longitude: 104.0816 } });
  contexts.push(context);
  return context.newPage();
}

async function signIn(openid: string): Promise<Page> {
  const page = await newPage();
  await page.goto(`${testHost.host.url}/`);
  await page.locator(`#login-${openid}`).click();
  await page.locator('#greeting').waitFor();
  return page;
}

/** What a phone camera would read from the printed community code. */
async function scanCommunityCode(): Promise<string> {
  const png = Buffer.from(await (await fetch(`${testHost.host.url}/qr?scene=${encodeURIComponent('c=c_demo')}`)).arrayBuffer());
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
