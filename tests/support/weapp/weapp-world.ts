import { join } from 'node:path';
import { uploadsDir } from '../../../src/server/host/local-runtime';
import { HTTP_FUNCTIONS } from '../../../src/server/host/mounted-functions';
import { seedDemo } from '../fixtures';
import { createTestWorld, type TestWorld } from '../test-runtime';
import { MiniProgram } from './mini-program';

export const WEAPP_ROOT = join(__dirname, '..', '..', '..', 'dist', 'weapp');
/** WeChat's AppID as the platform puts it in each call's userInfo. */
const APP_ID = 'wx0000000000000000';

export interface WeappWorld {
  functions: TestWorld;
  /** A fresh launch of the mini-program as this WeChat user. */
  launch(openid: string, url?: string, options?: { subscribeTemplateIds?: Record<string, string> }): Promise<MiniProgram>;
  close(): void;
}

/**
 * The functions on the local runtime (SQLite, demo data) and, per launch, the shipped mini-program whose
 * `wx.cloud.callFunction` reaches their main(): the caller is injected as the platform injects it, into
 * the event's `userInfo` and the function's context, never by anything the app sends.
 */
export function createWeappWorld(): WeappWorld {
  const functions = createTestWorld();
  seedDemo(functions);
  const programs: MiniProgram[] = [];
  return {
    functions,
    async launch(openid, url, launchOptions = {}) {
      const program = new MiniProgram({
        ...launchOptions,
        root: WEAPP_ROOT,
        uploadsDir: uploadsDir(functions.dataDir),
        async callFunction(name, data) {
          const main = Object.prototype.hasOwnProperty.call(HTTP_FUNCTIONS, name) ? HTTP_FUNCTIONS[name] : null;
          if (!main) throw new Error(`FunctionName parameter could not be found (${name})`);
          const event = { ...(data as Record<string, unknown>), userInfo: { appId: APP_ID, openId: openid } };
          // JSON both ways, as the call crosses WeChat's servers.
          return JSON.parse(JSON.stringify(await main(JSON.parse(JSON.stringify(event)), { localOpenId: openid }))) as unknown;
        },
      });
      programs.push(program);
      await program.launch(url);
      return program;
    },
    close() {
      for (const program of programs) program.dispose();
      functions.close();
    },
  };
}
