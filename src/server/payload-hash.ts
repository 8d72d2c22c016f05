import { createHash } from 'node:crypto';

/** Fingerprint of what a retried call asked for, to tell a true retry from a different call reusing a token. */
export function payloadHash(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}
