import { AppError } from '../shared/errors';
import type { Runtime } from './ports';

let current: Runtime | null = null;

/** The local host and tests install the SQLite runtime; production installs the CloudBase one at cold start. */
export function setRuntime(runtime: Runtime | null): void {
  current = runtime;
}

export function getRuntime(): Runtime {
  if (!current) throw new AppError('INTERNAL', '服务尚未配置运行环境，请联系管理员');
  return current;
}
