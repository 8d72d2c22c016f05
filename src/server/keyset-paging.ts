import type { Page, TPageInput } from '../shared/contracts/common';
import { AppError } from '../shared/errors';

/** Keyset paging on (createdAt DESC, id DESC), shared by both stores; the cursor is the last row's key. */
export interface KeysetCursor {
  createdAt: number;
  id: string;
}

export function decodeCursor(cursor: string | undefined): KeysetCursor | null {
  if (!cursor) return null;
  const match = /^(\d{1,16})~([A-Za-z0-9_:.-]{1,100})$/.exec(cursor);
  if (!match) throw new AppError('VALIDATION_FAILED', '翻页参数无效，请刷新后重试', [{ path: ['cursor'], message: '翻页参数无效' }]);
  return { createdAt: Number(match[1]), id: match[2] };
}

/** Rows were fetched with limit + 1 to learn whether another page exists. */
export function toPage<T>(rows: T[], page: TPageInput, keyOf: (row: T) => KeysetCursor): Page<T> {
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > page.limit && last ? `${keyOf(last).createdAt}~${keyOf(last).id}` : null;
  return { items, nextCursor };
}

/** Every item of a paged list, page after page; `most` stops a list that would run on for ever. */
export async function readEveryPage<T>(fetch: (page: TPageInput) => Promise<Page<T>>, most = Number.POSITIVE_INFINITY): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch({ limit: 100, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < most);
  return items;
}
