import type { Page } from 'playwright-core';
import { auditPage, formatFindings, type Finding } from '../support/accessibility';
import { useE2e } from '../support/e2e';
import { planVisits } from '../support/app-visits';
import { ManualClock } from '../support/test-runtime';

jest.setTimeout(600_000);

/**
 * Every page of the app (read from app.config.ts), opened as a user who may use it, with real data
 * behind it: axe-core must find nothing serious or critical, and at 200% text size no text may be cut off.
 */
const clock = new ManualClock(Date.UTC(2026, 10, 2, 1, 0, 0));
const e2e = useE2e({ clock });
const { api } = e2e;

/** Who opens each route, and the query it needs (ids of things made here through the API). */
async function visits(): Promise<Map<string, { openid: string; query: string }>> {
  return new Map((await planVisits(api, clock.now())).map((visit) => [visit.route, { openid: visit.openid, query: visit.query }]));
}

/** Doubles every element's text size (as a reader's 200% setting would), then lists text that no longer fits its box. */
function clippedAtDoubleText(page: Page): Promise<{ checked: number; clipped: string[] }> {
  return page.evaluate(() => {
    const visible = Array.from(document.querySelectorAll<HTMLElement>('.taro_page_show *, .taro_page_show')).filter((element) => element.offsetParent !== null || element.classList.contains('taro_page_show'));
    const sizes = visible.map((element) => parseFloat(getComputedStyle(element).fontSize));
    visible.forEach((element, index) => (element.style.fontSize = `${sizes[index] * 2}px`));
    const clipped: string[] = [];
    let checked = 0;
    for (const element of visible) {
      const style = getComputedStyle(element);
      const hidesX = ['hidden', 'clip'].includes(style.overflowX);
      const hidesY = ['hidden', 'clip'].includes(style.overflowY);
      const text = element.innerText?.trim() ?? '';
      if (!text || element.children.length > 0) continue;
      checked++;
      if ((hidesX && element.scrollWidth > element.clientWidth + 1) || (hidesY && element.scrollHeight > element.clientHeight + 1) || style.textOverflow === 'ellipsis') {
        clipped.push(`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${text.slice(0, 30)}"`);
      }
    }
    return { checked, clipped };
  });
}

test('the checks catch what they look for: an unlabelled image, an unlabelled field, text cut off at 200%', async () => {
  // A bare page (no sign-in, so the per-navigation auditor does not see the planted faults).
  const page = await (await e2e.browser.newContext()).newPage();
  await page.goto(`${e2e.url}/#/pages/login/index`);
  await page.locator('.taro_page_show').waitFor();
  await page.evaluate(() => {
    const host = document.querySelector('.taro_page_show') as HTMLElement;
    host.insertAdjacentHTML('beforeend', '<img src="/qr?scene=c%3Dc_demo" width="40" height="40"><input type="text"><div style="width:120px;height:40px;overflow:hidden;white-space:nowrap">这一行字放大后会被裁掉一部分</div>');
  });
  const rules = (await auditPage(page)).map((finding) => finding.rule);
  expect(rules).toEqual(expect.arrayContaining(['image-alt', 'label']));
  expect((await clippedAtDoubleText(page)).clipped).toEqual(['div "这一行字放大后会被裁掉一部分"']);
  await page.context().close();
});

/** Two loads of a page (Taro H5 may report the first show twice) of its few endpoints, with room to spare. */
const MAX_API_CALLS_PER_VISIT = 16;

test('every page: no serious or critical axe-core violation, nothing cut off at 200% text, no endless re-fetching', async () => {
  const plan = await visits();
  const findings: Finding[] = [];
  const clipped: string[] = [];
  const pages = new Map<string, Page>();
  // API calls per page visit: a page that re-fetches on every render makes dozens a second.
  const apiCalls = new Map<Page, number>();
  const chatty: string[] = [];
  for (const [route, { openid, query }] of plan) {
    let page = pages.get(openid);
    if (!page) {
      page = route === 'pages/login/index' ? await (await e2e.browser.newContext()).newPage() : await e2e.signIn(openid);
      await page.clock.setFixedTime(new Date(clock.now()));
      pages.set(openid, page);
      const counted = page;
      counted.on('request', (request) => {
        if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.set(counted, (apiCalls.get(counted) ?? 0) + 1);
      });
    }
    apiCalls.set(page, 0);
    await page.goto(`${e2e.url}/#/${route}${query ? `?${query}` : ''}`);
    await page.reload();
    // Some pages keep polling (the redemption code refreshes), so wait for the data rather than for silence.
    await page.waitForLoadState('load');
    await page.waitForTimeout(1200);
    findings.push(...(await auditPage(page)).map((finding) => ({ ...finding, route })));
    const text = await clippedAtDoubleText(page);
    if (text.checked === 0) throw new Error(`${route}: no text found to check at 200%`);
    clipped.push(...text.clipped.map((item) => `${route}: ${item}`));
    const calls = apiCalls.get(page) ?? 0;
    if (calls > MAX_API_CALLS_PER_VISIT) chatty.push(`${route}: ${calls} API calls`);
  }
  expect(chatty).toEqual([]);
  expect(plan.size).toBeGreaterThanOrEqual(45);
  if (findings.length > 0) throw new Error(`accessibility violations:\n${formatFindings(findings)}`);
  expect(clipped).toEqual([]);
});
