import type { Caller, Runtime } from '../ports';

export interface ActionContext {
  runtime: Runtime;
  caller: Caller;
  openid: string;
}

/** For the few actions a WeChat user may call before joining a community (scanning its QR code). */
export interface VisitorContext {
  runtime: Runtime;
  caller: Caller | null;
  openid: string;
}
