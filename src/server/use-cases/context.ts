import type { Caller, Runtime } from '../ports';

export interface ActionContext {
  runtime: Runtime;
  caller: Caller;
}
