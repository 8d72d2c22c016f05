import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { Clock } from '../../src/server/ports';
import type { ActionOf, FunctionName, InputOf, OutputOf } from '../../src/shared/contracts';
import { launchChromium, phonePage, signIn } from './browser';
import { okHost } from './host-process';
import { startTestHost, type TestHost } from './local-host';

export interface E2eOptions {
  /** The host's clock (a ManualClock the test moves); the real clock when left out. */
  clock?: Clock;
  /** Pins each signed-in page's browser clock to `clock` at sign-in, so "today" agrees on both sides (default: on when `clock` is given). */
  pinBrowserClock?: boolean;
  /** The demo's six months of history (default on; off for a test that counts every row of a month). */
  demoHistory?: boolean;
}

/** One e2e file's world: the local host serving dist/h5 over a fresh demo-seeded data dir, and a headless Chromium. */
export interface E2e {
  readonly host: TestHost;
  /** The host's base URL, e.g. http://127.0.0.1:PORT (no trailing slash). */
  readonly url: string;
  readonly browser: Browser;
  /** The host's SQLite database. */
  readonly db: TestHost['local']['store']['db'];
  /** A phone-sized page, not signed in, audited by axe-core on every route it reaches; `options` adds to the phone's context options. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** A phone-sized page signed in as a demo user through the H5 app's 模拟微信登录 picker (its browser clock pinned, see E2eOptions). */
  signIn(openid: string, options?: BrowserContextOptions): Promise<Page>;
  /** Opens `pages/<path>` afresh (a reload, so no earlier page of the H5 stack lingers in the document). */
  open(page: Page, path: string): Promise<void>;
  /** Calls a cloud function over HTTP as a demo user, as the app does; throws unless it succeeded. */
  api<F extends FunctionName, A extends ActionOf<F>>(fn: F, action: A, data: InputOf<F, A>, openid: string): Promise<OutputOf<F, A>>;
}

/**
 * Call once at the top of an e2e file: starts the host and Chromium before the file's tests (beforeAll) and
 * closes both after them (afterAll). The returned object is usable inside tests and later hooks.
 */
export function useE2e(options: E2eOptions = {}): E2e {
  const { clock, demoHistory } = options;
  const pinBrowserClock = options.pinBrowserClock ?? clock !== undefined;
  let testHost: TestHost | null = null;
  let browser: Browser | null = null;

  beforeAll(async () => {
    testHost = await startTestHost({ withH5: true, clock, demoHistory });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await testHost?.close();
    browser = null;
    testHost = null;
  });

  const started = (): { testHost: TestHost; browser: Browser } => {
    if (!testHost || !browser) throw new Error('the e2e fixture is not running: call useE2e() at the top of the file and use it inside tests or hooks');
    return { testHost, browser };
  };

  return {
    get host() {
      return started().testHost;
    },
    get url() {
      return started().testHost.host.url;
    },
    get browser() {
      return started().browser;
    },
    get db() {
      return started().testHost.local.store.db;
    },
    newPage(contextOptions = {}) {
      return phonePage(started().browser, contextOptions);
    },
    async signIn(openid, contextOptions = {}) {
      const running = started();
      const page = await signIn(running.browser, running.testHost.host.url, openid, contextOptions);
      if (pinBrowserClock && clock) await page.clock.setFixedTime(new Date(clock.now()));
      return page;
    },
    async open(page, path) {
      await page.goto(`${started().testHost.host.url}/#/pages/${path}`);
      await page.reload();
    },
    api<F extends FunctionName, A extends ActionOf<F>>(fn: F, action: A, data: InputOf<F, A>, openid: string) {
      return okHost<OutputOf<F, A>>(started().testHost.host.url, fn, action, data, openid);
    },
  };
}
