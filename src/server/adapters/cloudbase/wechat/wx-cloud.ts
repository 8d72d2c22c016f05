/**
 * The few WeChat cloud calls (云调用) and storage operations the production adapters make, typed by
 * hand (wx-server-sdk types `openapi` as `Record<string, any>`). `wx-server-sdk` is loaded and
 * initialised on the first call only, so nothing loads it unless a WeChat port is used: the local
 * runtime and the tests never do. Nothing else in the project touches wx-server-sdk.
 *
 * Parameters are written in camelCase: the SDK converts them to WeChat's snake_case (`templateId` →
 * `template_id`) and the answer back to camelCase. A WeChat error is thrown as an `Error` carrying a
 * numeric `errCode` (43101, 40037, …) and an `errMsg`; see `wxErrorCode`.
 */

/** Which version a subscribe message opens (WX_MINIPROGRAM_STATE on the scheduler). */
export const MINIPROGRAM_STATES = ['formal', 'trial', 'developer'] as const;
export type MiniprogramState = (typeof MINIPROGRAM_STATES)[number];
/** Which version a mini-program code opens (WX_ENV_VERSION on the community function). */
export const ENV_VERSIONS = ['release', 'trial', 'develop'] as const;
export type EnvVersion = (typeof ENV_VERSIONS)[number];

export interface SubscribeSendParams {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogramState: MiniprogramState;
  lang?: 'zh_CN';
}

export interface GetUnlimitedParams {
  scene: string;
  page: string;
  checkPath: boolean;
  envVersion: EnvVersion;
  width?: number;
}

/** `security.msgSecCheck` v2: scene 1 资料, 2 评论, 3 论坛, 4 社交日志. */
export interface MsgSecCheckParams {
  version: 2;
  openid: string;
  scene: 1 | 2 | 3 | 4;
  content: string;
}

export interface MsgSecCheckResult {
  result?: { suggest?: string; label?: number };
  errCode?: number;
  errMsg?: string;
}

export interface TempFileItem {
  fileID: string;
  tempFileURL: string;
  /** 0 when the link was made; a negative code otherwise (-503003: no such file). */
  status: number;
  errMsg?: string;
}

/** One of the account's subscribe templates (`subscribeMessage.getTemplateList`, camelCased by the SDK). */
export interface AccountTemplate {
  priTmplId: string;
  title: string;
  /** The keywords as `{{thing1.DATA}}` placeholders. */
  content: string;
  example?: string;
  type?: number;
}

export interface WxCloud {
  openapi: {
    subscribeMessage: {
      send(params: SubscribeSendParams): Promise<{ errCode?: number; errMsg?: string }>;
      /** The templates chosen in 功能 → 订阅消息 → 我的模板 (used by the deploy probe only). */
      getTemplateList(params: Record<string, never>): Promise<{ data?: AccountTemplate[]; errCode?: number; errMsg?: string }>;
    };
    wxacode: { getUnlimited(params: GetUnlimitedParams): Promise<{ contentType?: string; buffer: Buffer; errCode?: number; errMsg?: string }> };
    security: { msgSecCheck(params: MsgSecCheckParams): Promise<MsgSecCheckResult> };
  };
  uploadFile(params: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  getTempFileURL(params: { fileList: { fileID: string; maxAge: number }[] }): Promise<{ fileList: TempFileItem[] }>;
  /** Deletes stored files; each answers its own status (0 deleted, negative otherwise). */
  deleteFile(params: { fileList: string[] }): Promise<{ fileList: { fileID: string; status: number; errMsg?: string }[] }>;
  /** The fileID a cloud path has, or will have once uploaded, without uploading anything. */
  fileIdOf(cloudPath: string): Promise<string>;
}

/** The part of wx-server-sdk's module this file uses. */
interface WxServerSdk {
  init(config: { env: symbol }): void;
  DYNAMIC_CURRENT_ENV: symbol;
  openapi: WxCloud['openapi'];
  uploadFile(params: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  getTempFileURL(params: { fileList: { fileID: string; maxAge: number }[] }): Promise<{ fileList: TempFileItem[] }>;
  deleteFile(params: { fileList: string[] }): Promise<{ fileList: { fileID: string; status: number; errMsg?: string }[] }>;
}

/**
 * The CloudBase node-sdk app's `getUploadMetadata`: it answers the fileID a cloud path maps to
 * (the one `uploadFile` would return) without writing anything. wx-server-sdk has no such call.
 */
export interface UploadMetadataSource {
  getUploadMetadata(options: { cloudPath: string }): Promise<{ data?: { fileId?: string }; code?: string; message?: string }>;
}

let loaded: WxServerSdk | null = null;

function sdk(): WxServerSdk {
  if (!loaded) {
    // A plain require (not import()) so the SDK's own object comes back as it is, getters included.
    const wx = require('wx-server-sdk') as WxServerSdk;
    wx.init({ env: wx.DYNAMIC_CURRENT_ENV });
    loaded = wx;
  }
  return loaded;
}

/** The production `WxCloud`: wx-server-sdk for cloud calls and storage, node-sdk for a path's fileID. */
export function createWxCloud(storage: UploadMetadataSource): WxCloud {
  return {
    openapi: {
      subscribeMessage: { send: (params) => sdk().openapi.subscribeMessage.send(params), getTemplateList: (params) => sdk().openapi.subscribeMessage.getTemplateList(params) },
      wxacode: { getUnlimited: (params) => sdk().openapi.wxacode.getUnlimited(params) },
      security: { msgSecCheck: (params) => sdk().openapi.security.msgSecCheck(params) },
    },
    uploadFile: (params) => sdk().uploadFile(params),
    getTempFileURL: (params) => sdk().getTempFileURL(params),
    deleteFile: (params) => sdk().deleteFile(params),
    async fileIdOf(cloudPath) {
      const answer = await storage.getUploadMetadata({ cloudPath });
      const fileId = answer.data?.fileId;
      if (!fileId) throw new Error(`getUploadMetadata(${cloudPath}) gave no fileId: ${answer.code ?? ''} ${answer.message ?? ''}`);
      return fileId;
    },
  };
}

/** The WeChat error code a cloud call failed with (43101, 40037, -1 …), or null when the error carries none. */
export function wxErrorCode(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { errCode?: unknown }).errCode;
  if (typeof code === 'number') return code;
  if (typeof code === 'string' && /^-?\d+$/.test(code)) return Number(code);
  return null;
}

/**
 * A setting from the environment, one of `allowed`, `fallback` when unset. A value outside the list
 * is a deployment mistake: reading it throws a message naming the variable (at the first use, so a
 * typo in one WeChat setting does not stop every cloud function from starting).
 */
export function envSetting<T extends string>(name: string, raw: string | undefined, allowed: readonly T[], fallback: T): () => T {
  const value = raw === undefined || raw.trim() === '' ? fallback : raw.trim();
  return () => {
    if ((allowed as readonly string[]).includes(value)) return value as T;
    throw new Error(`环境变量 ${name}=${value} 无效，应为 ${allowed.join(' / ')} 之一`);
  };
}
