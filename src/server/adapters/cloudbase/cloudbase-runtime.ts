import * as tcb from '@cloudbase/node-sdk';
import { AppError } from '../../../shared/errors';
import type { Runtime } from '../../ports';
import { systemClock } from '../../clock';
import { createCloudbaseStore } from './cloudbase-store';
import { createNodeSdkDocDb } from './node-sdk-doc-db';
import { createCloudFiles } from './wechat/cloud-files';
import { createMsgSecCheck } from './wechat/msg-sec-check';
import { createSubscribeNotifier } from './wechat/subscribe-notifier';
import { createWxCloud, ENV_VERSIONS, envSetting, MINIPROGRAM_STATES, type EnvVersion, type MiniprogramState } from './wechat/wx-cloud';
import { createWxQrCodes } from './wechat/wx-qr-codes';

/** A timer trigger's event; a client calling the function cannot give itself a platform identity-free call. */
export function isTimerTriggerEvent(event: unknown, openid: string | null): boolean {
  const shape = typeof event === 'object' && event !== null ? (event as { Type?: unknown; TriggerName?: unknown }) : {};
  return shape.Type === 'Timer' && typeof shape.TriggerName === 'string' && !openid;
}

/**
 * The platform gives every function temporary keys in its environment. Without them the SDK throws
 * from a timer outside any promise, so the runtime refuses first, with a message that says why.
 */
export function assertCloudEnvironment(env: NodeJS.ProcessEnv = process.env): void {
  if (env.TENCENTCLOUD_SECRETID) return;
  throw new AppError('INTERNAL', '服务未运行在云开发环境中（缺少 TENCENTCLOUD_SECRETID 等临时密钥），请在云开发控制台部署后再调用');
}

/** The production runtime: CloudBase database and storage, WeChat cloud calls, identity from the platform. */
export function createCloudbaseRuntime(): Runtime {
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
  };
  const callerOpenid = (): string | null => app.auth().getUserInfo().openId || null;
  const log: Runtime['log'] = (level, message, detail) => {
    const line = `[${level}] ${message}`;
    if (level === 'error') console.error(line, detail ?? '');
    else console.log(line, detail ?? '');
  };
  // wx-server-sdk loads on the first WeChat call; a path's fileID comes from node-sdk's storage.
  const cloud = createWxCloud(app);
  const miniprogramState = envSetting<MiniprogramState>('WX_MINIPROGRAM_STATE', process.env.WX_MINIPROGRAM_STATE, MINIPROGRAM_STATES, 'formal');
  const envVersion = envSetting<EnvVersion>('WX_ENV_VERSION', process.env.WX_ENV_VERSION, ENV_VERSIONS, 'release');
  return {
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
    isTimerEvent: (event) => isTimerTriggerEvent(event, callerOpenid()),
    log,
  };
}
