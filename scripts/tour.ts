/**
 * `npm run tour`: opens every page of app.config.ts as a user who may use it, on two phone sizes in
 * China time, and writes full-page PNGs for people to look at (tour/<width>x<height>/<route>.png).
 * Needs dist/h5 (`npm run build:h5`) and Chromium at /usr/bin/chromium. `-- --care` also shoots 关怀模式,
 * `-- --only=admin/qr` limits the tour to routes containing that text.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { planVisits, visitUrl, type ApiCall } from '../tests/support/app-visits';
import { launchChromium, PHONE, signIn } from '../tests/support/browser';
import { okHost } from '../tests/support/host-process';
import { startTestHost } from '../tests/support/local-host';

const SIZES = [
  { width: 375, height: 812 },
  { width: 320, height: 640 },
];
const OUT = resolve(__dirname, '..', 'tour');
const args = process.argv.slice(2);
const care = args.includes('--care');
const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length) ?? '';

async function openAs(browser: Browser, url: string, openid: string, size: { width: number; height: number }, careMode: boolean): Promise<Page> {
  const options = { viewport: size, timezoneId: 'Asia/Shanghai' };
  const page = openid === '' ? await (await browser.newContext({ ...PHONE, ...options })).newPage() : await signIn(browser, url, openid, options);
  if (careMode) await page.evaluate(() => localStorage.setItem('careMode', JSON.stringify({ data: true })));
  return page;
}

async function main(): Promise<void> {
  const host = await startTestHost({ withH5: true });
  const browser = await launchChromium();
  const url = host.host.url;
  const api: ApiCall = (fn, action, data, openid) => okHost(url, fn, action, data, openid);
  try {
    const visits = (await planVisits(api, Date.now())).filter((visit) => visit.route.includes(only));
    rmSync(OUT, { recursive: true, force: true });
    for (const size of SIZES) {
      for (const careMode of care ? [false, true] : [false]) {
        const dir = join(OUT, `${size.width}x${size.height}${careMode ? '-care' : ''}`);
        mkdirSync(dir, { recursive: true });
        const pages = new Map<string, Page>();
        for (const visit of visits) {
          const openid = visit.route === 'pages/login/index' ? '' : visit.openid;
          let page = pages.get(openid);
          if (!page) {
            page = await openAs(browser, url, openid, size, careMode);
            pages.set(openid, page);
          }
          await page.goto(visitUrl(url, visit));
          await page.reload();
          await page.waitForLoadState('load');
          await page.waitForTimeout(1200);
          const file = join(dir, `${visit.route.replace(/^pages\//, '').replace(/\/index$/, '').replace(/\//g, '-')}.png`);
          // The page scrolls inside Taro's page element, not the document: grow the window to its full height for the shot.
          const height = await page.evaluate(() => document.querySelector('.taro_page_show')?.scrollHeight ?? 0);
          await page.setViewportSize({ width: size.width, height: Math.min(8000, Math.max(size.height, height)) });
          await page.screenshot({ path: file });
          await page.setViewportSize(size);
          console.log(file);
        }
        for (const page of pages.values()) await page.context().close();
      }
    }
  } finally {
    await browser.close();
    await host.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
