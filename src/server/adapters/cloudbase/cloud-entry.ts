import { AppError, type Envelope } from '../../../shared/errors';
import { assertCloudEnvironment } from './cloudbase-runtime';

type CloudMain = (event: unknown, context?: unknown) => Promise<Envelope<unknown>>;

/**
 * What a production bundle exports as `main` (scripts/build-functions.ts generates the entry that
 * calls this with the function's own `main` and `installCloudbaseRuntime`). The runtime is
 * installed once, at cold start; a failure there is kept and answered, never thrown at load time.
 * Every call first checks it runs inside CloudBase, so a bundle started anywhere else answers one
 * clear `INTERNAL` envelope instead of routing, crashing or hanging inside the SDK.
 */
export function cloudbaseEntry(handler: CloudMain, install: () => void): CloudMain {
  let startupError: unknown = null;
  try {
    install();
  } catch (error) {
    startupError = error;
  }
  return async function main(event, context) {
    try {
      assertCloudEnvironment();
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toBody() };
      throw error;
    }
    if (startupError !== null) {
      console.error('[error] cloud function start-up failed', startupError);
      return { ok: false, error: { code: 'INTERNAL', message: '服务启动失败，请稍后再试；仍不行请联系管理员查看云函数日志' } };
    }
    return handler(event, context);
  };
}
