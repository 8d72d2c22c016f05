import { readFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { compileFunction } from 'node:vm';
import { compileWxml } from './compile';
import { installViewLayer, type ExparserNode, type JComponent, type JComponentModule, type ViewLayer } from './view-layer';
import { createWx, type WxRecord, type WxScript } from './wx-fake';

/**
 * The shipped mini-program (`dist/weapp`) run as WeChat runs it, without WeChat: the templates WeChat's
 * compiler made (styles are compiled and checked, not applied: jsdom has no layout), rendered by WeChat's component framework (exparser, through j-component) on
 * jsdom; the app-service code (app.js, taro.js, the pages) run unmodified with WeChat's globals and
 * without the browser's and Node's (a page that works only because `window`, `fetch` or `process` exists
 * is a bug this shows). Every setData crosses a JSON round trip, as between WeChat's two threads.
 * Lifecycle timing (onLoad → onShow → onReady) is this harness's own: WeChat's base library is not on npm.
 */

/** Globals WeChat's JS engine does not have: shadowed, so shipped code sees them as undefined. */
const ABSENT = ['window', 'document', 'fetch', 'XMLHttpRequest', 'process', 'global', 'setImmediate', 'MessageChannel', 'Buffer', 'navigator', 'localStorage', 'location', 'history'] as const;

interface PageConfig {
  data?: Record<string, unknown>;
  onLoad?(query: Record<string, string>): void;
  onShow?(): void;
  onReady?(): void;
  onHide?(): void;
  onUnload?(): void;
  [key: string]: unknown;
}

interface AppConfig {
  onLaunch?(options: unknown): void;
  onShow?(options: unknown): void;
  [key: string]: unknown;
}

export interface OpenPage {
  route: string;
  query: Record<string, string>;
  root: JComponent;
  host: HTMLElement;
  config: PageConfig;
  setDataCalls: number;
}

export interface MiniProgramOptions {
  root: string;
  /** The cloud functions: WeChat's event for `wx.cloud.callFunction({ name, data })`; answers what main() returned. */
  callFunction(name: string, data: unknown): Promise<unknown>;
  uploadsDir: string;
  /**
   * Subscribe template ids as a community writes them into config/subscribe-templates.json before its
   * build (the repository's are empty, so the app asks nothing): put into the bundled copy of that file.
   */
  subscribeTemplateIds?: Record<string, string>;
}

/** Compiled once per process: the templates do not change between tests. */
/** Programs not yet disposed: the weapp setup fails a test whose programs logged an error. */
const live = new Set<MiniProgram>();

/** Errors of every program started since the last call, which forgets them. */
export function takeProgramErrors(): string[] {
  const errors = [...live].flatMap((program) => program.errors.map((error) => `${program.stack.at(-1)?.route ?? 'closed'}: ${error}`));
  for (const program of live) program.errors.length = 0;
  for (const program of [...live]) if (program.stack.length === 0) live.delete(program);
  return errors;
}

/** j-component keeps one registry per process: each program's pages and components get ids of their own. */
let programs = 0;

let compiled: ((path: string) => unknown) | null = null;

/** `$gwx` from WeChat's template compiler (its warnings are launch.test.ts's business). Styles are not applied: jsdom has no layout. */
function compileOnce(root: string, view: ViewLayer): (path: string) => unknown {
  if (compiled) return compiled;
  view.window.__webview_engine_version__ = 0.02;
  compiled = new Function('window', 'global', compileWxml(root).output)(view.window, {}) as (path: string) => unknown;
  return compiled;
}

export class MiniProgram {
  readonly stack: OpenPage[] = [];
  readonly record: WxRecord;
  readonly script: WxScript;
  /** Console errors of the app's code (an unhandled rejection fails the jest test by itself). */
  readonly errors: string[] = [];
  /** Function calls that answered an error envelope: `community.me: FORBIDDEN …`. */
  readonly failedCalls: string[] = [];
  private pendingCalls = 0;
  private readonly view: ViewLayer;
  private readonly jc: JComponentModule;
  private readonly gwx: (path: string) => unknown;
  private readonly sandbox: Record<string, unknown>;
  private readonly modules = new Map<string, { exports: unknown }>();
  private readonly pages = new Map<string, { config: PageConfig; id: string; json: Record<string, unknown> }>();
  private readonly components = new Map<string, string>();
  private pendingPage: string | null = null;
  private pendingComponent: string | null = null;
  private readonly pageConfigs = new Map<string, PageConfig>();
  private readonly componentConfigs = new Map<string, Record<string, unknown>>();
  private app: AppConfig | null = null;
  private readonly tag = ++programs;
  private disposed = false;

  constructor(private readonly options: MiniProgramOptions) {
    this.view = installViewLayer();
    this.jc = this.view.jComponent;
    this.gwx = compileOnce(options.root, this.view);
    const appJson = JSON.parse(readFileSync(join(options.root, 'app.json'), 'utf8')) as { __usePrivacyCheck__?: boolean; requiredPrivateInfos?: string[] };
    const { wx, record, script } = createWx({
      usePrivacyCheck: appJson.__usePrivacyCheck__ === true,
      requiredPrivateInfos: appJson.requiredPrivateInfos ?? [],
      router: {
        navigateTo: (url) => this.navigateTo(url),
        redirectTo: (url) => this.redirectTo(url),
        reLaunch: (url) => this.reLaunch(url),
        navigateBack: (delta) => this.navigateBack(delta),
      },
      callFunction: async (name, data) => {
        // A closed program's leftover timers get no answer (its functions world may be gone).
        if (this.disposed) return new Promise<never>(() => undefined);
        this.pendingCalls++;
        try {
          const result = await options.callFunction(name, data);
          const envelope = result as { ok?: boolean; error?: { code?: string; message?: string } };
          if (envelope.ok === false) this.failedCalls.push(`${name}.${String((data as { action?: string }).action)}: ${envelope.error?.code} ${envelope.error?.message}`);
          return result;
        } finally {
          this.pendingCalls--;
        }
      },
      uploadsDir: options.uploadsDir,
      findNode: (id) => (this.find(id) ? { width: 343, height: 220 } : null),
    });
    this.record = record;
    this.script = script;
    const appConsole = {
      ...console,
      log: () => undefined,
      info: () => undefined,
      debug: () => undefined,
      warn: () => undefined,
      error: (...args: unknown[]) => this.errors.push(`console.error: ${args.map((arg) => (arg instanceof Error ? arg.stack ?? arg.message : String(arg))).join(' ')}`),
    };
    this.sandbox = {
      wx,
      console: appConsole,
      App: (config: AppConfig) => {
        this.app = config;
      },
      getApp: () => this.app,
      Page: (config: PageConfig) => {
        if (this.pendingPage) this.pageConfigs.set(this.pendingPage, config);
      },
      Component: (config: Record<string, unknown>) => {
        if (this.pendingComponent) this.componentConfigs.set(this.pendingComponent, config);
      },
      Behavior: (definition: unknown) => definition,
      getCurrentPages: () => this.stack.map((page) => page.root.instance),
      requirePlugin: () => ({}),
      __wxConfig: { envVersion: 'develop', platform: 'ios', pages: [] },
      ...Object.fromEntries(ABSENT.map((name) => [name, undefined])),
    };
    live.add(this);
  }

  private require(file: string): unknown {
    const absolute = resolve(this.options.root, file.endsWith('.js') ? file : `${file}.js`);
    const known = this.modules.get(absolute);
    if (known) return known.exports;
    const module = { exports: {} as unknown };
    this.modules.set(absolute, module);
    const names = Object.keys(this.sandbox);
    const run = compileFunction(this.configured(readFileSync(absolute, 'utf8')), ['require', 'module', 'exports', ...names], { filename: absolute });
    const localRequire = (path: string) => this.require(posix.relative(this.options.root, resolve(dirname(absolute), path)));
    run(localRequire, module, module.exports, ...names.map((name) => this.sandbox[name]));
    return module.exports;
  }

  private configured(source: string): string {
    let configured = source;
    for (const [key, id] of Object.entries(this.options.subscribeTemplateIds ?? {})) {
      const empty = `"${key}":{"templateId":""`;
      if (configured.includes(empty)) configured = configured.split(empty).join(`"${key}":{"templateId":"${id}"`);
    }
    return configured;
  }

  private usingOf(file: string): Record<string, string> {
    const json = JSON.parse(readFileSync(join(this.options.root, `${file}.json`), 'utf8')) as { usingComponents?: Record<string, string> };
    const using: Record<string, string> = {};
    for (const [tag, path] of Object.entries(json.usingComponents ?? {})) {
      const target = posix.relative(this.options.root, resolve(dirname(join(this.options.root, file)), path));
      using[tag] = target === file ? this.componentId(file) : this.loadComponent(target);
    }
    return using;
  }

  private componentId = (file: string) => `c${this.tag}-${file.replace(/[^a-z0-9]/gi, '-')}`;

  /** Taro's custom components (`comp`, `custom-wrapper`), registered with exparser under their template. */
  private loadComponent(file: string): string {
    const known = this.components.get(file);
    if (known) return known;
    const id = this.componentId(file);
    this.components.set(file, id);
    const using = this.usingOf(file);
    this.pendingComponent = file;
    this.require(file);
    this.pendingComponent = null;
    const config = this.componentConfigs.get(file) ?? {};
    this.jc.register({ ...config, id, tagName: posix.basename(file), template: this.gwx(`${file}.wxml`), usingComponents: using, path: join(this.options.root, file) });
    return id;
  }

  /** WeChat builds a page on an exparser component: one is registered whose methods are the Page() fields. */
  private registerPage(route: string) {
    const known = this.pages.get(route);
    if (known) return known;
    this.pendingPage = route;
    this.require(route);
    this.pendingPage = null;
    const config = this.pageConfigs.get(route);
    if (!config) throw new Error(`Page() was not called by ${route}`);
    const json = JSON.parse(readFileSync(join(this.options.root, `${route}.json`), 'utf8')) as Record<string, unknown>;
    const methods = Object.fromEntries(Object.entries(config).filter(([, value]) => typeof value === 'function'));
    const id = `p${this.tag}-${route.replace(/[^a-z0-9]/gi, '-')}`;
    this.jc.register({ id, tagName: 'wx-page', template: this.gwx(`${route}.wxml`), usingComponents: this.usingOf(route), data: config.data ?? {}, methods, path: join(this.options.root, route) });
    const page = { config, id, json };
    this.pages.set(route, page);
    return page;
  }

  /** Runs app.js and opens the first page, as a cold launch. */
  async launch(url = 'pages/index/index'): Promise<OpenPage> {
    this.require('app');
    if (!this.app) throw new Error('App() was not called');
    const launch = { path: url.split('?')[0], query: {}, scene: 1011, referrerInfo: {} };
    this.app.onLaunch?.call(this.app, launch);
    this.app.onShow?.call(this.app, launch);
    return this.open(url);
  }

  private async open(url: string): Promise<OpenPage> {
    const [path, search = ''] = url.replace(/^\//, '').split('?');
    const query = Object.fromEntries(new URLSearchParams(search));
    const { config, id } = this.registerPage(path);
    const root = this.jc.create(id);
    const host = this.view.document.createElement('div');
    this.view.document.body.appendChild(host);
    root.attach(host);
    const instance = root.instance as Record<string, unknown> & { setData: (data: unknown, callback?: () => void) => void };
    const page: OpenPage = { route: path, query, root, host, config, setDataCalls: 0 };
    Object.assign(instance, { route: path, __route__: path, options: query, is: path, getOpenerEventChannel: () => ({ emit: () => undefined, on: () => undefined }) });
    for (const [key, value] of Object.entries(config)) if (typeof value !== 'function' && key !== 'data' && !(key in instance)) instance[key] = value;
    const setData = instance.setData.bind(instance);
    instance.setData = (data, callback) => {
      page.setDataCalls++;
      setData(JSON.parse(JSON.stringify(data)) as unknown, callback);
    };
    this.stack.push(page);
    // WeChat calls onLoad with the query alone: Taro takes a second argument as a pre-render.
    config.onLoad?.call(instance, query);
    config.onShow?.call(instance);
    config.onReady?.call(instance);
    return page;
  }

  private close(page: OpenPage) {
    page.config.onUnload?.call(page.root.instance);
    page.root.detach();
    page.host.remove();
  }

  private async navigateTo(url: string) {
    const top = this.current();
    top.config.onHide?.call(top.root.instance);
    top.host.hidden = true;
    if (this.stack.length >= 10) throw new Error('webview count limit exceed');
    await this.open(url);
  }

  private async redirectTo(url: string) {
    const top = this.stack.pop();
    if (top) this.close(top);
    await this.open(url);
  }

  private async reLaunch(url: string) {
    while (this.stack.length > 0) this.close(this.stack.pop() as OpenPage);
    await this.open(url);
  }

  private async navigateBack(delta: number) {
    for (let step = 0; step < delta && this.stack.length > 1; step++) this.close(this.stack.pop() as OpenPage);
    const top = this.current();
    top.host.hidden = false;
    top.config.onShow?.call(top.root.instance);
  }

  /** The navigation bar's back arrow (native in WeChat, so outside the page's code). */
  back(): Promise<void> {
    return this.navigateBack(1);
  }

  current(): OpenPage {
    const top = this.stack.at(-1);
    if (!top) throw new Error('no page is open');
    return top;
  }

  /** The visible text of the current page, whitespace folded. */
  text(page = this.stack.at(-1)): string {
    return (page?.host.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  /** A node by its id (Taro writes each element's id), looking through exparser's shadow trees (Taro's recursive `comp`). */
  find(id: string, page = this.stack.at(-1)): JComponent | null {
    if (!page) return null;
    const found = findInShadows(page.root._exparserNode, `#${id}`);
    return found ? this.view.wrap(found) : null;
  }

  /** Taps a node: its tap handler, and for an open-type button the event WeChat fires after it. */
  tap(id: string): void {
    const node = this.find(id);
    if (!node) throw new Error(`no #${id} on ${this.current().route}: ${this.text().slice(0, 200)}`);
    const data = (node.instance?.data ?? {}) as { disabled?: boolean; openType?: string };
    if (data.disabled) throw new Error(`#${id} is disabled`);
    node.dispatchEvent('tap', { detail: { x: 0, y: 0 } });
    if (data.openType === 'agreePrivacyAuthorization') node.dispatchEvent('agreeprivacyauthorization', { detail: {} });
  }

  /** Types into an <input> or <textarea>: WeChat fires `input` with the whole value. */
  type(id: string, value: string): void {
    const node = this.find(id);
    if (!node) throw new Error(`no #${id} on ${this.current().route}`);
    node.dispatchEvent('input', { detail: { value, cursor: value.length } });
  }

  async waitFor<T>(check: () => T | null | undefined | false, what: string, timeoutMs = 5000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      try {
        const value = check();
        if (value) return value;
      } catch {
        // Not there yet.
      }
      if (Date.now() > until) throw new Error(`timed out waiting for ${what} on ${this.stack.at(-1)?.route ?? 'no page'}: ${this.stack.length > 0 ? this.text().slice(0, 300) : ''}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Until no function call has been in flight for a moment (the page has what it asked for). */
  async settle(quietMs = 60, timeoutMs = 5000): Promise<void> {
    const until = Date.now() + timeoutMs;
    let quietSince = Date.now();
    while (Date.now() - quietSince < quietMs) {
      if (Date.now() > until) throw new Error(`calls still in flight on ${this.stack.at(-1)?.route ?? 'no page'}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (this.pendingCalls > 0) quietSince = Date.now();
    }
  }

  waitForText(text: string, timeoutMs?: number): Promise<true> {
    return this.waitFor(() => this.text().includes(text), `“${text}”`, timeoutMs);
  }

  /** Cloud function actions the app called, in order (`community.me`…). */
  functionCalls(): string[] {
    return this.record.calls
      .filter((call) => call.api === 'cloud.callFunction')
      .map((call) => {
        const { name, data } = call.args as { name?: string; data?: { action?: string } };
        return `${String(name)}.${String(data?.action)}`;
      });
  }

  dispose(): void {
    this.disposed = true;
    while (this.stack.length > 0) this.close(this.stack.pop() as OpenPage);
  }
}

function findInShadows(host: ExparserNode, selector: string): ExparserNode | null {
  const shadow = host.shadowRoot;
  if (!shadow?.querySelector) return null;
  const hit = shadow.querySelector(selector);
  if (hit) return hit;
  const pending = [...(shadow.childNodes ?? [])];
  while (pending.length > 0) {
    const node = pending.pop() as ExparserNode;
    if (node.shadowRoot?.querySelector) {
      const inner = findInShadows(node, selector);
      if (inner) return inner;
    }
    if (node.childNodes) pending.push(...node.childNodes);
  }
  return null;
}
