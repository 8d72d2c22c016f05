import { setRuntime } from '../../runtime';
import { createCloudbaseRuntime } from './cloudbase-runtime';

let installed = false;

/** Called once at a function's cold start by its production bundle; the local host and tests never load this. */
export function installCloudbaseRuntime(): void {
  if (installed) return;
  setRuntime(createCloudbaseRuntime());
  installed = true;
}
