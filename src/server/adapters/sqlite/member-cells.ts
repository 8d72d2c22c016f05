import type Database from 'better-sqlite3';
import type { BoundingBox } from '../../../shared/domain/geo';

/** Grid cells of 0.005° (≈ 550 m north–south): small enough that a 1 km search reads ~25 cells. */
const CELL_DEGREES = 0.005;
/** Cells of one row (same latitude band) are consecutive keys; 72,000 columns fit in a row's span. */
const ROW_SPAN = 100_000;

export function cellOf(lat: number, lng: number): number {
  return Math.floor(lat / CELL_DEGREES) * ROW_SPAN + Math.floor(lng / CELL_DEGREES);
}

/** One key range per latitude band covering the box. */
export function cellRanges(box: BoundingBox): { from: number; to: number }[] {
  const firstColumn = Math.floor(box.minLng / CELL_DEGREES);
  const lastColumn = Math.floor(box.maxLng / CELL_DEGREES);
  const ranges: { from: number; to: number }[] = [];
  for (let row = Math.floor(box.minLat / CELL_DEGREES); row <= Math.floor(box.maxLat / CELL_DEGREES); row++) {
    ranges.push({ from: row * ROW_SPAN + firstColumn, to: row * ROW_SPAN + lastColumn });
  }
  return ranges;
}

/**
 * Keeps the dispatch index in step with a member row: eligible members (approved, not on leave)
 * are in it with their current home, skills, hours and name; everyone else is not.
 */
export function memberIndexWriter(db: Database.Database): (userId: string) => void {
  const remove = db.prepare('DELETE FROM member_cells WHERE user_id = ?');
  const read = db.prepare(`SELECT m.community_id, m.user_id, m.home_lat, m.home_lng, m.grid_id, m.skills, m.available_hours, u.name
    FROM members m JOIN users u ON u.id = m.user_id WHERE m.user_id = ? AND m.status = 'approved' AND m.on_leave = 0`);
  const insert = db.prepare(`INSERT INTO member_cells (community_id, cell, user_id, lat, lng, grid_id, skills, available_hours, name)
    VALUES (@community_id, @cell, @user_id, @home_lat, @home_lng, @grid_id, @skills, @available_hours, @name)`);
  return (userId) => {
    remove.run(userId);
    const row = read.get(userId) as { home_lat: number; home_lng: number } | undefined;
    if (row) insert.run({ ...row, cell: cellOf(row.home_lat, row.home_lng) });
  };
}

/** Rebuilds the whole dispatch index from the members table (after bulk edits outside the repository). */
export function rebuildMemberIndex(db: Database.Database): void {
  const reindex = memberIndexWriter(db);
  db.transaction(() => {
    for (const { user_id: userId } of db.prepare('SELECT user_id FROM members').all() as { user_id: string }[]) reindex(userId);
  })();
}
