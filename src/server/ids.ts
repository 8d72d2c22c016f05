import { randomBytes } from 'node:crypto';

/** Random, URL-safe and unguessable: `r_3f9a…` */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(10).toString('hex')}`;
}
