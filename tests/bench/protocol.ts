/** Messages between the bench (parent) and a server under test (child process, over the fork IPC channel). */

/** Child → parent, once the server listens. */
export interface ReadyMessage {
  type: 'ready';
  url: string;
  /** Temp data dir of the real host, so the parent can remove it even if the child dies. */
  dataDir?: string;
}

/** Child → parent, answer to a `count` request: rows in the `requests` table. */
export interface CountMessage {
  type: 'count';
  requests: number;
}

export type ChildMessage = ReadyMessage | CountMessage;

/** Parent → child. */
export type ParentMessage = { type: 'count' } | { type: 'stop' };

export function isChildMessage(value: unknown): value is ChildMessage {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'ready' || type === 'count';
}

export function isParentMessage(value: unknown): value is ParentMessage {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'count' || type === 'stop';
}

/** Send to the parent, if there still is one. */
export function tellParent(message: ChildMessage): void {
  if (process.send && process.connected) process.send(message);
}
