import Database from 'better-sqlite3';
import { migrate } from '../../src/server/adapters/sqlite/sqlite-store';
import { MIGRATIONS } from '../../src/server/adapters/sqlite/schema';

/** A database as the release before publication left it, with one project of each source. */
function databaseBeforePublication(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = OFF');
  const publication = MIGRATIONS.findIndex((step) => typeof step === 'string' && step.includes('ADD COLUMN public_title'));
  expect(publication).toBeGreaterThan(0);
  for (let index = 0; index < publication; index++) {
    const step = MIGRATIONS[index];
    if (typeof step === 'string') db.exec(step);
    else step(db);
    db.pragma(`user_version = ${index + 1}`);
  }
  const insert = db.prepare(`INSERT INTO projects (id, community_id, title, description, owner_department, owner_id, target_date, source, request_id, milestones, status, created_by, created_at, updated_at)
    VALUES (?, 'c1', ?, ?, '住建局', 'admin1', '2027-01-01', ?, ?, '[]', 'in_progress', 'admin1', ?, ?)`);
  insert.run('pj_admin', '三栋加装电梯', '为 3 栋加装电梯', 'admin', null, 100, 100);
  insert.run('pj_escalation', '矛盾调解：楼上邻居半夜拖动家具', '楼上邻居每天半夜拖动家具……', 'escalation', 'r1', 200, 200);
  insert.run('pj_deliberation', '增设充电棚', '居民议事通过：增设电动车充电棚', 'deliberation', null, 300, 300);
  return db;
}

test('the migration makes projects opened from escalations staff-only and keeps the others public as they were', () => {
  const db = databaseBeforePublication();
  migrate(db);
  const rows = db.prepare('SELECT id, public_title, public_summary, published_at, published_by FROM projects ORDER BY id').all();
  expect(rows).toEqual([
    { id: 'pj_admin', public_title: '三栋加装电梯', public_summary: '为 3 栋加装电梯', published_at: 100, published_by: 'admin1' },
    { id: 'pj_deliberation', public_title: '增设充电棚', public_summary: '居民议事通过：增设电动车充电棚', published_at: 300, published_by: 'admin1' },
    { id: 'pj_escalation', public_title: null, public_summary: null, published_at: null, published_by: null },
  ]);
  expect(Number(db.pragma('user_version', { simple: true }))).toBe(MIGRATIONS.length);
  db.close();
});
