import type { Page } from 'playwright-core';
import { planVisits, visitUrl, type Visit } from '../support/app-visits';
import { useE2e } from '../support/e2e';
import { bodyTextSize, sidewaysOverflow } from '../support/screen';
import { ManualClock } from '../support/test-runtime';

jest.setTimeout(900_000);

/**
 * Every page of app.config.ts, as a user who may use it: nothing sticks out or scrolls sideways at 320
 * and 375 px, and in 关怀模式 the body text is at least 1.25× its normal size.
 */
const clock = new ManualClock(Date.UTC(2026, 10, 2, 1, 0, 0));
const e2e = useE2e({ clock });
const CARE_SCALE = 1.25;

/** One signed-in page per demo user (the login page is opened signed out), at a phone size, optionally in care mode. */
async function pagesFor(visits: Visit[], width: number, care: boolean): Promise<Map<string, Page>> {
  const pages = new Map<string, Page>();
  const viewport = { width, height: width === 320 ? 640 : 812 };
  for (const openid of new Set(visits.map((visit) => (visit.route === 'pages/login/index' ? '' : visit.openid)))) {
    const page = openid === '' ? await e2e.newPage({ viewport }) : await e2e.signIn(openid, { viewport });
    if (care && openid !== '') await page.evaluate(() => localStorage.setItem('careMode', JSON.stringify({ data: true })));
    pages.set(openid, page);
  }
  return pages;
}

async function show(page: Page, visit: Visit): Promise<void> {
  await page.goto(visitUrl(e2e.url, visit));
  await page.reload();
  await page.locator('.taro_page_show .page').first().waitFor();
  await page.waitForTimeout(900);
}

let visits: Visit[] = [];
beforeAll(async () => {
  visits = await planVisits(e2e.api, clock.now());
});

test('the checks catch what they look for: a planted wide row, and care mode switched off', async () => {
  const page = await e2e.signIn('demo-resident-1', { viewport: { width: 320, height: 640 } });
  await e2e.open(page, 'profile/index');
  await page.locator('.taro_page_show .page').waitFor();
  expect(await sidewaysOverflow(page)).toEqual([]);
  const normal = await bodyTextSize(page);
  await page.evaluate(() => document.querySelector('.taro_page_show .page')?.insertAdjacentHTML('beforeend', '<div id="planted" style="width:400px">太宽的一行</div>'));
  expect((await sidewaysOverflow(page)).join('\n')).toContain('div#planted');
  // Care mode on: the profile page's text grows; a page whose root class is taken away does not.
  await page.locator('#care-mode-switch').click();
  expect(await bodyTextSize(page)).toBeGreaterThanOrEqual(normal * CARE_SCALE);
  await page.evaluate(() => document.querySelector('.taro_page_show .page')?.classList.remove('care'));
  expect(await bodyTextSize(page)).toBe(normal);
});

test.each([320, 375])('every page at %i px: nothing sticks out or scrolls sideways', async (width) => {
  const pages = await pagesFor(visits, width, false);
  const problems: string[] = [];
  for (const visit of visits) {
    const page = pages.get(visit.route === 'pages/login/index' ? '' : visit.openid) as Page;
    await show(page, visit);
    problems.push(...(await sidewaysOverflow(page)).map((problem) => `${visit.route}: ${problem}`));
  }
  expect(visits.length).toBeGreaterThanOrEqual(45);
  expect(problems).toEqual([]);
});

test('every page in 关怀模式: body text at least 1.25× its normal size', async () => {
  const normal = await pagesFor(visits, 375, false);
  const care = await pagesFor(visits, 375, true);
  const small: string[] = [];
  for (const visit of visits) {
    if (visit.route === 'pages/login/index') continue; // 模拟微信登录 exists only on the local host, before anyone is signed in.
    const key = visit.openid;
    await show(normal.get(key) as Page, visit);
    const before = await bodyTextSize(normal.get(key) as Page);
    await show(care.get(key) as Page, visit);
    const after = await bodyTextSize(care.get(key) as Page);
    if (after < before * CARE_SCALE) small.push(`${visit.route}: ${before} px → ${after} px`);
  }
  expect(small).toEqual([]);
});
