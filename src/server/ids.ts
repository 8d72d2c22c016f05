import { randomBytes } from 'node:crypto';

const ID_BYTES = 10;
/** Random bytes drawn from the system a few thousand ids at a time: one call per id cost a tenth of a write's CPU. */
const POOL_BYTES = ID_BYTES * 512;
let pool = Buffer.alloc(0);
let offset = 0;

/** Random, URL-safe and unguessable: `r_3f9a…` (80 random bits). */
export function newId(prefix: string): string {
  if (offset + ID_BYTES > pool.length) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  const id = pool.toString('hex', offset, offset + ID_BYTES);
  offset += ID_BYTES;
  return `${prefix}_${id}`;
}
