import { existsSync } from 'node:fs';
import { watchAccessibility } from './accessibility';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's chromium, headless, with the flags this closed network needs. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\` (.ci/run does this).`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A phone-sized page, as residents use it, in China time as their phones are (the page formats times in the device's zone). */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

/** A phone-sized page in a context of its own, audited by axe-core on every route it reaches (closed with the browser). */
export async function phonePage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ ...PHONE, ...options });
  const page = await context.newPage();
  watchAccessibility(page);
  return page;
}

/** A phone-sized page signed in as a demo user through the 模拟微信登录 picker (closed with the browser). */
export async function signIn(browser: Browser, baseUrl: string, openid: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await phonePage(browser, options);
  await page.goto(`${baseUrl}/`);
  await page.locator(`#login-${openid}`).click();
  await page.locator('#greeting').waitFor();
  return page;
}

/** Polls a locator's text until it equals (or contains) the expected text; fails with what it last saw. */
export async function expectText(locator: Locator, expected: string, options: { contains?: boolean; timeoutMs?: number } = {}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  let last = '';
  while (Date.now() < deadline) {
    last = ((await locator.count()) > 0 ? await locator.first().innerText().catch(() => '') : '').trim();
    if (options.contains ? last.includes(expected) : last === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`expected ${options.contains ? 'text containing' : 'text'} "${expected}", last saw "${last}"`);
}
