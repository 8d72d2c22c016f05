import { decodeCursor } from '../../keyset-paging';

export { decodeCursor, toPage, type KeysetCursor } from '../../keyset-paging';

/** SQL fragment and parameters selecting rows after the cursor. */
export function afterCursor(cursor: string | undefined, createdAtColumn = 'created_at', idColumn = 'id'): { sql: string; params: (string | number)[] } {
  const key = decodeCursor(cursor);
  if (!key) return { sql: '1 = 1', params: [] };
  return {
    sql: `(${createdAtColumn} < ? OR (${createdAtColumn} = ? AND ${idColumn} < ?))`,
    params: [key.createdAt, key.createdAt, key.id],
  };
}
