import * as tcb from '@cloudbase/node-sdk';
import type { IContextParam } from '@cloudbase/node-sdk';
import { AppError, type Envelope } from '../../../shared/errors';
import type { Runtime } from '../../ports';
import { systemClock } from '../../clock';
import { createCloudbaseStore } from './cloudbase-store';
import { createNodeSdkDocDb } from './node-sdk-doc-db';
import { answerProbe, type CloudCallApi, type ProbeReport } from './wechat/cloud-call-probe';
import { createCloudFiles } from './wechat/cloud-files';
import { createMsgSecCheck } from './wechat/msg-sec-check';
import { createSubscribeNotifier } from './wechat/subscribe-notifier';
import { createWxCloud, ENV_VERSIONS, envSetting, MINIPROGRAM_STATES, type EnvVersion, type MiniprogramState } from './wechat/wx-cloud';
import { createWxQrCodes } from './wechat/wx-qr-codes';

/** Who the platform says is calling: a mini-program user has an OPENID, a web (CloudBase login) user a uid. */
export interface PlatformCaller {
  openid: string | null;
  uid: string | null;
}

/** An event from HTTP access (云接入): it carries the request's method, path and headers. */
export function isHttpEvent(event: unknown): boolean {
  if (typeof event !== 'object' || event === null) return false;
  const shape = event as Record<string, unknown>;
  return typeof shape.httpMethod === 'string' || (typeof shape.path === 'string' && typeof shape.headers === 'object');
}

/** The deploy probe may be called only with nobody behind the call: the deployer's API invocation. */
export function isDeployerCall(event: unknown, caller: PlatformCaller): boolean {
  return !caller.openid && !caller.uid && !isHttpEvent(event);
}

export type TimerVerdict = { accepted: true } | { accepted: false; reason: string };

/**
 * Whether a call to the scheduler came from its timer trigger. The platform marks timer calls with
 * `TRIGGER_SRC=timer` (node-sdk reads it from the call's context or the environment); where it is
 * not set, the event must have the timer's shape (`Type` "Timer" or "timer", as Tencent's pages show
 * both, and a `TriggerName`). Never a call with a user behind it (a client can send any payload, but
 * the platform adds the caller's identity), and never an HTTP access call.
 */
export function timerTriggerVerdict(event: unknown, caller: PlatformCaller, triggerSource: string | undefined): TimerVerdict {
  if (caller.openid) return { accepted: false, reason: 'called by a mini-program user (OPENID present)' };
  if (caller.uid) return { accepted: false, reason: 'called by a web user (CloudBase uid present)' };
  if (isHttpEvent(event)) return { accepted: false, reason: 'an HTTP access call' };
  const shape = typeof event === 'object' && event !== null ? (event as Record<string, unknown>) : {};
  const source = triggerSource?.trim().toLowerCase();
  if (source) return source === 'timer' ? { accepted: true } : { accepted: false, reason: `TRIGGER_SRC=${triggerSource}` };
  const type = typeof shape.Type === 'string' ? shape.Type.toLowerCase() : null;
  if (type !== 'timer') return { accepted: false, reason: `event Type is ${typeof shape.Type === 'string' ? JSON.stringify(shape.Type) : 'missing'}` };
  if (typeof shape.TriggerName !== 'string' || shape.TriggerName.trim() === '') return { accepted: false, reason: 'timer event without a TriggerName' };
  return { accepted: true };
}

/** The same check as a yes/no, for callers that only need the answer. */
export function isTimerTriggerEvent(event: unknown, openid: string | null, triggerSource?: string): boolean {
  return timerTriggerVerdict(event, { openid, uid: null }, triggerSource).accepted;
}

/** Calls this instance refused as not from the timer, since it started (in every log line, so a burst shows). */
let rejectedTimerCalls = 0;

export function rejectedTimerCallCount(): number {
  return rejectedTimerCalls;
}

/** The part of the SCF context (main's second argument) that carries the call's variables. */
export interface CallContext {
  environment?: string;
  environ?: string;
}

function isCallContext(context: unknown): context is CallContext {
  if (typeof context !== 'object' || context === null) return false;
  const { environment, environ } = context as { environment?: unknown; environ?: unknown };
  return typeof environment === 'string' || typeof environ === 'string';
}

/** The call's `TRIGGER_SRC`, from its context first, then the process environment; undefined when unreadable. */
export function triggerSourceOf(context: unknown, readContext: (context?: CallContext) => { TRIGGER_SRC?: string }): string | undefined {
  try {
    return readContext(isCallContext(context) ? context : undefined).TRIGGER_SRC;
  } catch {
    try {
      return readContext().TRIGGER_SRC;
    } catch {
      return undefined;
    }
  }
}

/** Checks a scheduler call and logs (with the running count) every one it refuses. */
export function checkTimerCall(event: unknown, caller: PlatformCaller, triggerSource: string | undefined, log: Runtime['log']): boolean {
  const verdict = timerTriggerVerdict(event, caller, triggerSource);
  if (verdict.accepted) return true;
  rejectedTimerCalls++;
  const keys = typeof event === 'object' && event !== null ? Object.keys(event).slice(0, 10).join(',') : typeof event;
  log('warn', `scheduler call refused as not from its timer: ${verdict.reason} (event keys: ${keys}); ${rejectedTimerCalls} refused since this instance started`);
  return false;
}

/**
 * The platform gives every function temporary keys in its environment. Without them the SDK throws
 * from a timer outside any promise, so the runtime refuses first, with a message that says why.
 */
export function assertCloudEnvironment(env: NodeJS.ProcessEnv = process.env): void {
  if (env.TENCENTCLOUD_SECRETID) return;
  throw new AppError('INTERNAL', '服务未运行在云开发环境中（缺少 TENCENTCLOUD_SECRETID 等临时密钥），请在云开发控制台部署后再调用');
}

/** The production runtime and the deploy probe, sharing one SDK app and one WeChat cloud. */
export interface CloudbaseProduction {
  runtime: Runtime;
  /** Answers `{ probe: 'cloud-calls' }` (see wechat/cloud-call-probe.ts) for the deployer only. */
  probe(functionName: string, apis: readonly CloudCallApi[], event: unknown): Promise<Envelope<ProbeReport>>;
}

/** The production runtime: CloudBase database and storage, WeChat cloud calls, identity from the platform. */
export function createCloudbaseRuntime(): Runtime {
  return createCloudbaseProduction().runtime;
}

export function createCloudbaseProduction(): CloudbaseProduction {
  const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  const cloudStore = createCloudbaseStore(createNodeSdkDocDb(app.database()));
  const store: Runtime['store'] = {
    transaction(work) {
      assertCloudEnvironment();
      return cloudStore.transaction(work);
    },
    read(work) {
      assertCloudEnvironment();
      return cloudStore.read(work);
    },
    standalone(work) {
      assertCloudEnvironment();
      return cloudStore.standalone(work);
    },
  };
  const callerOpenid = (): string | null => app.auth().getUserInfo().openId || null;
  const platformCaller = (): PlatformCaller => {
    const info = app.auth().getUserInfo();
    return { openid: info.openId || null, uid: info.uid || null };
  };
  const log: Runtime['log'] = (level, message, detail) => {
    const line = `[${level}] ${message}`;
    if (level === 'error') console.error(line, detail ?? '');
    else console.log(line, detail ?? '');
  };
  // wx-server-sdk loads on the first WeChat call; a path's fileID comes from node-sdk's storage.
  const cloud = createWxCloud(app);
  const miniprogramState = envSetting<MiniprogramState>('WX_MINIPROGRAM_STATE', process.env.WX_MINIPROGRAM_STATE, MINIPROGRAM_STATES, 'formal');
  const envVersion = envSetting<EnvVersion>('WX_ENV_VERSION', process.env.WX_ENV_VERSION, ENV_VERSIONS, 'release');
  const runtime: Runtime = {
    store,
    clock: systemClock,
    contentCheck: createMsgSecCheck({ cloud, log }),
    notifier: createSubscribeNotifier({ cloud, store, clock: systemClock, log, miniprogramState }),
    files: createCloudFiles({ cloud, clock: systemClock }),
    qrCodes: createWxQrCodes({ cloud, envVersion }),
    get signingKey(): string {
      const key = process.env.POINTS_SIGNING_KEY;
      if (!key || key.length < 32) throw new AppError('INTERNAL', '服务尚未配置积分签名密钥（POINTS_SIGNING_KEY），请联系管理员');
      return key;
    },
    identify: async () => {
      assertCloudEnvironment();
      return callerOpenid();
    },
    isTimerEvent: (event, context) => checkTimerCall(event, platformCaller(), triggerSourceOf(context, (ctx) => tcb.getCloudbaseContext(ctx as IContextParam | undefined)), log),
    log,
  };
  return {
    runtime,
    probe: (functionName, apis, event) => answerProbe(functionName, apis, { cloud, envVersion, miniprogramState }, isDeployerCall(event, platformCaller())),
  };
}
