import type { Envelope } from '../../../shared/errors';
import { setRuntime } from '../../runtime';
import { createCloudbaseProduction, type CloudbaseProduction } from './cloudbase-runtime';
import { isProbeEvent, type CloudCallApi } from './wechat/cloud-call-probe';

let installed: CloudbaseProduction | null = null;

/** Called once at a function's cold start by its production bundle; the local host and tests never load this. */
export function installCloudbaseRuntime(): void {
  if (installed) return;
  const production = createCloudbaseProduction();
  setRuntime(production.runtime);
  installed = production;
}

type CloudMain = (event: unknown, context?: unknown) => Promise<Envelope<unknown>>;

/**
 * The function's own main, with the deploy probe in front (scripts/build-functions.ts wraps every
 * bundle's main in this, with the cloud-call APIs its config.json declares): `{ probe: 'cloud-calls' }`
 * tries each of them once; every other event goes to the function's router as before.
 */
export function withCloudCallProbe(functionName: string, apis: readonly CloudCallApi[], handler: CloudMain): CloudMain {
  return async function main(event, context) {
    if (!isProbeEvent(event)) return handler(event, context);
    if (!installed) return { ok: false, error: { code: 'INTERNAL', message: '服务尚未配置运行环境，无法自检' } };
    return installed.probe(functionName, apis, event);
  };
}
