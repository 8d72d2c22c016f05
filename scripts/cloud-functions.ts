/**
 * What each cloud function needs from the platform, in one place: the build writes each function's
 * `config.json` from it, `cloudbaserc.json` must agree with it (tests/build checks), and the
 * deploy script reads the list of functions from it.
 */

import type { CloudCallApi } from '../src/server/adapters/cloudbase/wechat/cloud-call-probe';

/** WeChat open APIs reached by cloud call (云调用) through wx-server-sdk; each must be declared in the function's config.json. */
export type OpenApi = CloudCallApi;

/** The runtime every function runs on: the bundles target node18 (scripts/build-functions.ts), one of the CLI's Node runtimes. */
export const FUNCTION_RUNTIME = 'Nodejs18.15';

/** Environment variables a function reads at run time; deploy fills them from the deployer's environment. */
export type FunctionEnvVariable = 'POINTS_SIGNING_KEY' | 'WX_MINIPROGRAM_STATE' | 'WX_ENV_VERSION';

export interface TimerTrigger {
  name: string;
  type: 'timer';
  /** Seven fields: second minute hour day month weekday year. */
  config: string;
}

export interface CloudFunctionSpec {
  name: string;
  /** Seconds. */
  timeout: number;
  /** MB. */
  memorySize: number;
  openapi: readonly OpenApi[];
  env: readonly FunctionEnvVariable[];
  triggers?: readonly TimerTrigger[];
}

export const SCHEDULER_TRIGGER: TimerTrigger = { name: 'scheduler-timer', type: 'timer', config: '0 * * * * * *' };

export const CLOUD_FUNCTIONS: readonly CloudFunctionSpec[] = [
  // Residents' text (requests, ratings, suggestions) is checked before others see it; dispatch runs inside the submit.
  { name: 'requests', timeout: 20, memorySize: 256, openapi: ['security.msgSecCheck'], env: [] },
  // Redeem and pickup codes are HMAC-signed with POINTS_SIGNING_KEY.
  { name: 'points', timeout: 10, memorySize: 256, openapi: [], env: ['POINTS_SIGNING_KEY'] },
  // Community, grid, service point and activity QR codes; names and addresses typed by people.
  { name: 'community', timeout: 20, memorySize: 256, openapi: ['wxacode.getUnlimited', 'security.msgSecCheck'], env: ['WX_ENV_VERSION'] },
  { name: 'service', timeout: 10, memorySize: 256, openapi: [], env: [] },
  // Replies to suggestions and project progress are published to residents.
  { name: 'ledgers', timeout: 15, memorySize: 256, openapi: ['security.msgSecCheck'], env: [] },
  // Excel exports build the whole workbook in memory, then upload it.
  { name: 'reports', timeout: 60, memorySize: 512, openapi: [], env: [] },
  // Proposals and comments are published to the voters.
  { name: 'deliberations', timeout: 10, memorySize: 256, openapi: ['security.msgSecCheck'], env: [] },
  // Timer only: offer rounds, order holds, duties, project reminders, then the outbox as subscribe messages.
  // getTemplateList is the deploy probe's: it checks config/subscribe-templates.json against the account.
  { name: 'scheduler', timeout: 20, memorySize: 256, openapi: ['subscribeMessage.send', 'subscribeMessage.getTemplateList'], env: ['WX_MINIPROGRAM_STATE'], triggers: [SCHEDULER_TRIGGER] },
];

/** Runtime.port → what a bundle that uses it must declare. Checked by the build against the code each bundle contains. */
export const PORT_REQUIREMENTS: readonly { port: string; pattern: RegExp; openapi?: OpenApi; env?: FunctionEnvVariable }[] = [
  { port: 'notifier', pattern: /\bnotifier\b/, openapi: 'subscribeMessage.send', env: 'WX_MINIPROGRAM_STATE' },
  { port: 'qrCodes', pattern: /\bqrCodes\b/, openapi: 'wxacode.getUnlimited', env: 'WX_ENV_VERSION' },
  { port: 'contentCheck', pattern: /\bcontentCheck\b/, openapi: 'security.msgSecCheck' },
  { port: 'signingKey', pattern: /\bsigningKey\b/, env: 'POINTS_SIGNING_KEY' },
];

/** The function's `config.json`, as WeChat DevTools and the cloud read it. */
export function functionConfigJson(spec: CloudFunctionSpec): { permissions: { openapi: OpenApi[] }; triggers?: TimerTrigger[] } {
  return {
    permissions: { openapi: [...spec.openapi] },
    ...(spec.triggers ? { triggers: [...spec.triggers] } : {}),
  };
}

export function functionSpec(name: string): CloudFunctionSpec {
  const spec = CLOUD_FUNCTIONS.find((candidate) => candidate.name === name);
  if (!spec) throw new Error(`cloudfunctions/${name} has no entry in scripts/cloud-functions.ts: add its timeout, memory, cloud-call APIs and env variables there`);
  return spec;
}
