import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { RecordingCanvas } from './recording-canvas';

/**
 * The `wx` the shipped app-service code calls. Every API name WeChat has is present (Taro wraps exactly
 * `Object.keys(wx)`; the list is miniprogram-simulate's copy of the base library's): what this app uses
 * is written here, with WeChat's behaviour where it matters (the privacy gate, one-shot subscribe
 * prompts, the page stack); anything else answers with simulate's canned result and is recorded in
 * `unexpected`, so a test sees a native API nobody modelled.
 */

type Options = Record<string, unknown> & { success?: (result: unknown) => void; fail?: (result: unknown) => void; complete?: (result: unknown) => void };
type Api = (...args: never[]) => unknown;

export interface Router {
  navigateTo(url: string): Promise<void>;
  redirectTo(url: string): Promise<void>;
  reLaunch(url: string): Promise<void>;
  navigateBack(delta: number): Promise<void>;
}

export interface WxScript {
  /** Answers to the next subscribe prompts, in order: accepted template ids (all others rejected); empty = all rejected. */
  subscribeAnswers: string[][];
  /** What the next scanCode calls read, in order. */
  scans: string[];
  /** The position getLocation answers (GCJ-02). */
  location: { latitude: number; longitude: number };
  /** Photos the next chooseImage picks (paths of real files). */
  photos: string[];
}

export interface WxRecord {
  calls: { api: string; args: unknown }[];
  toasts: string[];
  modals: string[];
  phoneCalls: string[];
  subscribePrompts: string[][];
  /** APIs answered with a canned result because nothing here models them. */
  unexpected: string[];
  privacy: { agreed: boolean; held: string[]; shown: number; refused: string[] };
  storage: Map<string, string>;
  canvases: RecordingCanvas[];
}

export interface WxFakeOptions {
  router: Router;
  /** wx.cloud.callFunction: the function's event, as WeChat hands it over; answers the function's return value. */
  callFunction(name: string, data: unknown): Promise<unknown>;
  /** Where cloud.uploadFile puts files (the local files adapter's uploads directory). */
  uploadsDir: string;
  /** app.json's `__usePrivacyCheck__`: WeChat holds private APIs until the app's consent is agreed to. */
  usePrivacyCheck: boolean;
  /** app.json's `requiredPrivateInfos`: a location API not declared there fails outright. */
  requiredPrivateInfos: readonly string[];
  /** Elements of the current page, for createSelectorQuery (jsdom has no layout: sizes are made up). */
  findNode(id: string): { width: number; height: number } | null;
}

function settle(options: Options | undefined, result: Record<string, unknown>, ok = true): Record<string, unknown> {
  try {
    if (ok) options?.success?.(result);
    else options?.fail?.(result);
  } finally {
    options?.complete?.(result);
  }
  return result;
}

export function createWx(options: WxFakeOptions): { wx: Record<string, unknown>; record: WxRecord; script: WxScript } {
  const { router } = options;
  const canned = require('miniprogram-simulate/src/api') as Record<string, unknown>;
  const record: WxRecord = { calls: [], toasts: [], modals: [], phoneCalls: [], subscribePrompts: [], unexpected: [], privacy: { agreed: false, held: [], shown: 0, refused: [] }, storage: new Map(), canvases: [] };
  const script: WxScript = { subscribeAnswers: [], scans: [], location: { latitude: 30.6532, longitude: 104.0816 }, photos: [] };
  let privacyHandler: ((resolve: (answer: { event: string; buttonId?: string }) => void) => void) | null = null;
  const waiting: { api: string; run: () => void; refuse: () => void }[] = [];

  /** WeChat holds a private API until the app's consent sheet is agreed to with an open-type button; refused, it fails with 104. */
  const gated = (api: string, call: Options | undefined, run: () => void) => {
    if (!options.usePrivacyCheck || record.privacy.agreed) return run();
    // With the check on and no handler, WeChat shows its own sheet; this app always registers one.
    if (!privacyHandler) return settle(call, { errMsg: `${api}:fail privacy agreement not handled by the app`, errno: 104 }, false);
    record.privacy.held.push(api);
    waiting.push({ api, run, refuse: () => settle(call, { errMsg: `${api}:fail privacy permission is not authorized`, errno: 104 }, false) });
    if (waiting.length > 1) return undefined;
    record.privacy.shown++;
    privacyHandler((answer) => {
      if (answer.event === 'exposureAuthorization') return;
      if (answer.event === 'agree' && answer.buttonId) record.privacy.agreed = true;
      const held = waiting.splice(0);
      for (const item of held) {
        if (record.privacy.agreed) item.run();
        else {
          record.privacy.refused.push(item.api);
          item.refuse();
        }
      }
    });
    return undefined;
  };

  const route = (go: () => Promise<void>, api: string) => (call?: Options) =>
    go().then(
      () => settle(call, { errMsg: `${api}:ok` }),
      (error: Error) => settle(call, { errMsg: `${api}:fail ${error.message}` }, false),
    );

  const systemInfo = {
    brand: 'devtools', model: 'iPhone 12', pixelRatio: 2, screenWidth: 375, screenHeight: 812, windowWidth: 375, windowHeight: 724, statusBarHeight: 44,
    language: 'zh_CN', version: '8.0.50', system: 'iOS 16.0', platform: 'ios', SDKVersion: '3.4.0', theme: 'light', safeArea: { top: 44, left: 0, right: 375, bottom: 778, width: 375, height: 734 },
  };
  let uploaded = 0;

  const own: Record<string, unknown> = {
    setStorageSync: (key: string, value: unknown) => void record.storage.set(key, JSON.stringify(value)),
    getStorageSync: (key: string) => (record.storage.has(key) ? JSON.parse(record.storage.get(key) ?? '""') : ''),
    removeStorageSync: (key: string) => void record.storage.delete(key),
    clearStorageSync: () => record.storage.clear(),
    setStorage: (call: Options) => {
      record.storage.set(String(call.key), JSON.stringify(call.data));
      return settle(call, { errMsg: 'setStorage:ok' });
    },
    getStorage: (call: Options) =>
      record.storage.has(String(call.key)) ? settle(call, { data: JSON.parse(record.storage.get(String(call.key)) ?? '""'), errMsg: 'getStorage:ok' }) : settle(call, { errMsg: 'getStorage:fail data not found' }, false),
    removeStorage: (call: Options) => {
      record.storage.delete(String(call.key));
      return settle(call, { errMsg: 'removeStorage:ok' });
    },
    getStorageInfoSync: () => ({ keys: [...record.storage.keys()], currentSize: 0, limitSize: 10240 }),
    getSystemInfoSync: () => ({ ...systemInfo }),
    getSystemInfo: (call: Options) => settle(call, { ...systemInfo, errMsg: 'getSystemInfo:ok' }),
    getWindowInfo: () => ({ pixelRatio: 2, screenWidth: 375, screenHeight: 812, windowWidth: 375, windowHeight: 724, statusBarHeight: 44, safeArea: systemInfo.safeArea }),
    getDeviceInfo: () => ({ brand: 'devtools', model: 'iPhone 12', system: 'iOS 16.0', platform: 'ios', pixelRatio: 2 }),
    getAppBaseInfo: () => ({ SDKVersion: '3.4.0', language: 'zh_CN', version: '8.0.50', theme: 'light', enableDebug: false }),
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 48, right: 365, bottom: 80, left: 278 }),
    canIUse: () => true,
    navigateTo: (call: Options) => route(() => router.navigateTo(String(call.url)), 'navigateTo')(call),
    redirectTo: (call: Options) => route(() => router.redirectTo(String(call.url)), 'redirectTo')(call),
    reLaunch: (call: Options) => route(() => router.reLaunch(String(call.url)), 'reLaunch')(call),
    switchTab: (call: Options) => route(() => router.reLaunch(String(call.url)), 'switchTab')(call),
    navigateBack: (call: Options = {}) => route(() => router.navigateBack(Number(call.delta ?? 1)), 'navigateBack')(call),
    showToast: (call: Options) => {
      record.toasts.push(String(call.title));
      return settle(call, { errMsg: 'showToast:ok' });
    },
    showModal: (call: Options) => {
      record.modals.push(`${String(call.title ?? '')} ${String(call.content ?? '')}`.trim());
      return settle(call, { confirm: true, cancel: false, errMsg: 'showModal:ok' });
    },
    showLoading: (call: Options) => settle(call, { errMsg: 'showLoading:ok' }),
    hideLoading: (call: Options = {}) => settle(call, { errMsg: 'hideLoading:ok' }),
    hideToast: (call: Options = {}) => settle(call, { errMsg: 'hideToast:ok' }),
    setNavigationBarTitle: (call: Options) => settle(call, { errMsg: 'setNavigationBarTitle:ok' }),
    nextTick: (work: () => void) => setTimeout(work, 0),
    onNeedPrivacyAuthorization: (handler: typeof privacyHandler) => {
      privacyHandler = handler;
    },
    getPrivacySetting: (call: Options) => settle(call, { needAuthorization: !record.privacy.agreed, privacyContractName: '《党员代办隐私保护指引》', errMsg: 'getPrivacySetting:ok' }),
    openPrivacyContract: (call: Options = {}) => settle(call, { errMsg: 'openPrivacyContract:ok' }),
    getLocation: (call: Options) =>
      options.requiredPrivateInfos.includes('getLocation')
        ? gated('getLocation', call, () => settle(call, { ...script.location, accuracy: 30, errMsg: 'getLocation:ok' }))
        : settle(call, { errMsg: 'getLocation:fail the api need to be declared in the requiredPrivateInfos field in app.json/ext.json' }, false),
    chooseMedia: (call: Options) =>
      gated('chooseMedia', call, () => {
        const paths = script.photos.splice(0);
        if (paths.length === 0) settle(call, { errMsg: 'chooseMedia:fail cancel' }, false);
        else settle(call, { type: 'image', tempFiles: paths.map((tempFilePath) => ({ tempFilePath, size: 3, fileType: 'image' })), errMsg: 'chooseMedia:ok' });
      }),
    chooseImage: (call: Options) =>
      gated('chooseImage', call, () => {
        const paths = script.photos.splice(0);
        if (paths.length === 0) settle(call, { errMsg: 'chooseImage:fail cancel' }, false);
        else settle(call, { tempFilePaths: paths, tempFiles: paths.map((path) => ({ path, size: 3 })), errMsg: 'chooseImage:ok' });
      }),
    // Not a privacy API: WeChat's camera scan needs no consent to the guide.
    scanCode: (call: Options) => {
      const result = script.scans.shift();
      if (result === undefined) return settle(call, { errMsg: 'scanCode:fail cancel' }, false);
      // A mini-program code comes back with its page path (and scene) in `path`.
      const path = result.startsWith('pages/') ? result : '';
      return settle(call, { result: path ? '' : result, path, scanType: path ? 'WX_CODE' : 'QR_CODE', charSet: 'utf-8', errMsg: 'scanCode:ok' });
    },
    makePhoneCall: (call: Options) => {
      record.phoneCalls.push(String(call.phoneNumber));
      return settle(call, { errMsg: 'makePhoneCall:ok' });
    },
    requestSubscribeMessage: (call: Options) => {
      const ids = (call.tmplIds as string[] | undefined) ?? [];
      record.subscribePrompts.push(ids);
      const accepted = script.subscribeAnswers.shift() ?? [];
      return settle(call, { ...Object.fromEntries(ids.map((id) => [id, accepted.includes(id) ? 'accept' : 'reject'])), errMsg: 'requestSubscribeMessage:ok' });
    },
    createSelectorQuery: () => createSelectorQuery(options.findNode, record),
    cloud: {
      init: () => undefined,
      callFunction: (call: Options) => {
        record.calls.push({ api: 'cloud.callFunction', args: { name: call.name, data: call.data } });
        const done = options.callFunction(String(call.name), call.data).then((result) => ({ result, errMsg: 'cloud.callFunction:ok', requestID: 'harness' }));
        if (!call.success && !call.fail && !call.complete) return done;
        done.then(
          (result) => settle(call, result),
          (error: Error) => settle(call, { errMsg: `cloud.callFunction:fail ${error.message}` }, false),
        );
        return undefined;
      },
      /** Onto the local files adapter: a `local/<name>` id the functions accept as an uploaded photo. */
      uploadFile: (call: Options) => {
        const name = `weapp${String(++uploaded).padStart(4, '0')}-${Date.now().toString(36)}.jpg`;
        mkdirSync(options.uploadsDir, { recursive: true });
        copyFileSync(String(call.filePath), join(options.uploadsDir, name));
        return Promise.resolve(settle(call, { fileID: `local/${name}`, statusCode: 200, errMsg: 'cloud.uploadFile:ok' }));
      },
      getTempFileURL: (call: Options) => {
        const list = ((call.fileList as string[] | undefined) ?? []).map((fileID) => ({ fileID, tempFileURL: `/files/${fileID.replace(/^local\//, '')}`, status: 0 }));
        return Promise.resolve(settle(call, { fileList: list, errMsg: 'cloud.getTempFileURL:ok' }));
      },
    },
  };

  const wx: Record<string, unknown> = {};
  for (const name of new Set([...Object.keys(canned), ...Object.keys(own)])) {
    const impl = own[name] ?? canned[name];
    if (typeof impl !== 'function') {
      wx[name] = impl;
      continue;
    }
    const modelled = own[name] !== undefined;
    wx[name] = (...args: unknown[]) => {
      record.calls.push({ api: name, args: args[0] });
      if (!modelled) record.unexpected.push(name);
      return (impl as Api)(...(args as never[]));
    };
  }
  return { wx, record, script };
}

/** A selector query over the page's nodes: sizes are made up (no layout), a canvas node is a recording 2D canvas. */
function createSelectorQuery(findNode: WxFakeOptions['findNode'], record: WxRecord) {
  const steps: { id: string; fields: Record<string, unknown> }[] = [];
  const query = {
    in: () => query,
    select(selector: string) {
      const id = selector.replace(/^#/, '');
      const chain = {
        fields(fields: Record<string, unknown>) {
          steps.push({ id, fields });
          return query;
        },
        boundingClientRect() {
          steps.push({ id, fields: { size: true, rect: true } });
          return query;
        },
        node() {
          steps.push({ id, fields: { node: true } });
          return query;
        },
      };
      return chain;
    },
    exec(callback?: (results: unknown[]) => void) {
      setTimeout(() => {
        const results = steps.map(({ id, fields }) => {
          const found = findNode(id);
          if (!found) return null;
          const answer: Record<string, unknown> = {};
          if (fields.size || fields.rect) Object.assign(answer, { width: found.width, height: found.height, left: 0, top: 0, right: found.width, bottom: found.height });
          if (fields.node) {
            const canvas = new RecordingCanvas(found.width, found.height);
            record.canvases.push(canvas);
            answer.node = canvas;
          }
          return answer;
        });
        callback?.(results);
      }, 0);
      return query;
    },
  };
  return query;
}
