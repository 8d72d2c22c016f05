import type { Page, TPageInput } from '../../../shared/contracts/common';
import { decodeCursor, toPage } from '../../keyset-paging';
import type { Condition, Doc, DocDb, Range, Where } from './doc-db';

export interface PageKeys {
  /** Field holding the creation time (milliseconds). */
  createdAt: string;
  /** Field breaking ties between equal times. */
  id: string;
}

const DEFAULT_KEYS: PageKeys = { createdAt: 'createdAt', id: 'id' };

function isRange(condition: Condition | undefined): condition is Range {
  return typeof condition === 'object' && condition !== null && !('in' in condition) && !('nin' in condition) && !('ne' in condition);
}

/** `createdAt < before`, kept inside whatever range the caller already put on the field. */
function olderThan(existing: Condition | undefined, before: number): Condition {
  if (!isRange(existing)) return { lt: before };
  return { ...existing, lt: typeof existing.lt === 'number' ? Math.min(existing.lt, before) : before };
}

/**
 * Keyset paging newest first on (createdAt DESC, id DESC), the same cursors as the SQLite store.
 * The database has no row comparison, so the page after a cursor is read as two queries: the
 * rest of the cursor's millisecond, then everything older.
 */
export async function findPage(db: DocDb, collection: string, where: Where, page: TPageInput, keys: PageKeys = DEFAULT_KEYS): Promise<Page<Doc>> {
  const want = page.limit + 1;
  const order = [
    { field: keys.createdAt, direction: 'desc' as const },
    { field: keys.id, direction: 'desc' as const },
  ];
  const cursor = decodeCursor(page.cursor);
  let docs: Doc[];
  if (!cursor) {
    docs = await db.find(collection, where, { orderBy: order, limit: want });
  } else {
    const existing = where[keys.createdAt];
    const sameTime = isRange(existing) || existing === undefined ? cursor.createdAt : existing;
    docs = await db.find(collection, { ...where, [keys.createdAt]: sameTime, [keys.id]: { lt: cursor.id } }, { orderBy: [order[1]], limit: want });
    if (docs.length < want) {
      docs.push(...(await db.find(collection, { ...where, [keys.createdAt]: olderThan(existing, cursor.createdAt) }, { orderBy: order, limit: want - docs.length })));
    }
  }
  return toPage(docs, page, (doc) => ({ createdAt: doc[keys.createdAt] as number, id: String(doc[keys.id]) }));
}

/** Documents read per call while scanning, and at most per page before a short page is returned. */
const SCAN_BATCH = 99;
const SCAN_CAP = 500;

/**
 * Keyset paging (newest first, same cursors as `findPage`) over the documents matching `where`
 * that also pass `accept`. Reads in batches until the page is full; after SCAN_CAP documents
 * without filling it, returns the matches so far with a cursor just after the last document read,
 * so the next page continues there: a page may then hold fewer than `limit` items, but no match is
 * ever skipped or repeated.
 */
export async function scanPage(db: DocDb, collection: string, where: Where, page: TPageInput, accept: (doc: Doc) => boolean, keys?: PageKeys): Promise<Page<Doc>> {
  const matched: Doc[] = [];
  let cursor = page.cursor;
  let scanned = 0;
  for (;;) {
    const batch = await findPage(db, collection, where, { cursor, limit: SCAN_BATCH }, keys);
    for (const doc of batch.items) {
      if (!accept(doc)) continue;
      matched.push(doc);
      if (matched.length > page.limit) {
        const last = matched[page.limit - 1];
        const createdAt = last[keys?.createdAt ?? 'createdAt'] as number;
        const id = String(last[keys?.id ?? 'id']);
        return { items: matched.slice(0, page.limit), nextCursor: `${createdAt}~${id}` };
      }
    }
    scanned += batch.items.length;
    if (!batch.nextCursor) return { items: matched, nextCursor: null };
    if (scanned >= SCAN_CAP) return { items: matched, nextCursor: batch.nextCursor };
    cursor = batch.nextCursor;
  }
}
