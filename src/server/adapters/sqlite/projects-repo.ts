import type Database from 'better-sqlite3';
import type { ProjectSource, ProjectStatus } from '../../../shared/domain/project-rules';
import type { MilestoneRecord, ProgressRecord, ProjectPatch, ProjectRecord, ProjectRepo } from '../../ports';
import { afterCursor, toPage } from './paging';
import { json, num, numOrNull, str, strOrNull, type Row } from './rows';

const toProject = (row: Row): ProjectRecord => ({
  id: str(row.id),
  communityId: str(row.community_id),
  title: str(row.title),
  description: str(row.description),
  ownerDepartment: str(row.owner_department),
  ownerId: str(row.owner_id),
  targetDate: str(row.target_date),
  source: str(row.source) as ProjectSource,
  requestId: strOrNull(row.request_id),
  milestones: json<MilestoneRecord[]>(row.milestones),
  status: str(row.status) as ProjectStatus,
  supportCount: num(row.support_count),
  createdBy: str(row.created_by),
  createdAt: num(row.created_at),
  updatedAt: num(row.updated_at),
  writtenOffAt: numOrNull(row.written_off_at),
  writeOffNote: strOrNull(row.write_off_note),
  remindedOn: strOrNull(row.reminded_on),
  lateFlaggedMonth: strOrNull(row.late_flagged_month),
  publicTitle: strOrNull(row.public_title),
  publicSummary: strOrNull(row.public_summary),
  publishedAt: numOrNull(row.published_at),
  publishedBy: strOrNull(row.published_by),
});

const toProgress = (row: Row): ProgressRecord => ({
  projectId: str(row.project_id),
  month: str(row.month),
  text: str(row.text),
  percent: num(row.percent),
  authorId: str(row.author_id),
  createdAt: num(row.created_at),
});

const PATCH_COLUMNS: Record<keyof ProjectPatch, string> = {
  milestones: 'milestones',
  status: 'status',
  writtenOffAt: 'written_off_at',
  writeOffNote: 'write_off_note',
  remindedOn: 'reminded_on',
  lateFlaggedMonth: 'late_flagged_month',
  updatedAt: 'updated_at',
  publicTitle: 'public_title',
  publicSummary: 'public_summary',
  publishedAt: 'published_at',
  publishedBy: 'published_by',
};

export function createProjectRepo(db: Database.Database): ProjectRepo {
  const insert = db.prepare(`INSERT INTO projects (id, community_id, title, description, owner_department, owner_id, target_date, source, request_id, milestones, status,
      support_count, created_by, created_at, updated_at, written_off_at, write_off_note, reminded_on, late_flagged_month, public_title, public_summary, published_at, published_by)
    VALUES (@id, @communityId, @title, @description, @ownerDepartment, @ownerId, @targetDate, @source, @requestId, @milestones, @status,
      @supportCount, @createdBy, @createdAt, @updatedAt, @writtenOffAt, @writeOffNote, @remindedOn, @lateFlaggedMonth, @publicTitle, @publicSummary, @publishedAt, @publishedBy)`);
  const byId = db.prepare('SELECT * FROM projects WHERE id = ?');
  const byRequest = db.prepare('SELECT * FROM projects WHERE request_id = ?');
  const inProgress = db.prepare(`SELECT * FROM projects WHERE status = 'in_progress' ORDER BY created_at, id LIMIT ?`);
  const saveProgress = db.prepare(`INSERT INTO project_progress (project_id, month, text, percent, author_id, created_at)
    VALUES (@projectId, @month, @text, @percent, @authorId, @createdAt)
    ON CONFLICT (project_id, month) DO UPDATE SET text = excluded.text, percent = excluded.percent, author_id = excluded.author_id, created_at = excluded.created_at`);
  const progressOf = db.prepare('SELECT * FROM project_progress WHERE project_id = ? ORDER BY month DESC');
  const support = db.prepare('INSERT INTO project_supports (project_id, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const countSupport = db.prepare('UPDATE projects SET support_count = support_count + 1 WHERE id = ?');

  return {
    async insert(project) {
      insert.run({ ...project, milestones: JSON.stringify(project.milestones) });
    },
    async get(id) {
      const row = byId.get(id) as Row | undefined;
      return row ? toProject(row) : null;
    },
    async getByRequest(requestId) {
      const row = byRequest.get(requestId) as Row | undefined;
      return row ? toProject(row) : null;
    },
    async list(communityId, status, page, publishedOnly = false) {
      const after = afterCursor(page.cursor);
      const rows = db
        .prepare(
          `SELECT * FROM projects WHERE community_id = ? ${status ? 'AND status = ?' : ''} ${publishedOnly ? 'AND published_at IS NOT NULL' : ''} AND ${after.sql} ORDER BY created_at DESC, id DESC LIMIT ?`,
        )
        .all(communityId, ...(status ? [status] : []), ...after.params, page.limit + 1) as Row[];
      return toPage(rows.map(toProject), page, (project) => ({ createdAt: project.createdAt, id: project.id }));
    },
    async listInProgress(limit) {
      return (inProgress.all(limit) as Row[]).map(toProject);
    },
    async update(id, expectedStatus, patch) {
      const entries = (Object.keys(patch) as (keyof ProjectPatch)[]).filter((key) => patch[key] !== undefined);
      if (entries.length === 0) return (byId.get(id) as Row | undefined)?.status === expectedStatus;
      const sets = entries.map((key) => `${PATCH_COLUMNS[key]} = ?`).join(', ');
      const values = entries.map((key) => (key === 'milestones' ? JSON.stringify(patch.milestones) : (patch[key] as string | number | null)));
      return db.prepare(`UPDATE projects SET ${sets} WHERE id = ? AND status = ?`).run(...values, id, expectedStatus).changes === 1;
    },
    async saveProgress(entry) {
      saveProgress.run(entry);
    },
    async listProgress(projectId) {
      return (progressOf.all(projectId) as Row[]).map(toProgress);
    },
    async progressMonths(projectIds) {
      const result = new Map<string, Set<string>>(projectIds.map((id) => [id, new Set<string>()]));
      if (projectIds.length === 0) return result;
      const rows = db
        .prepare(`SELECT project_id, month FROM project_progress WHERE project_id IN (SELECT value FROM json_each(?))`)
        .all(JSON.stringify(projectIds)) as Row[];
      for (const row of rows) result.get(str(row.project_id))?.add(str(row.month));
      return result;
    },
    async addSupport(projectId, userId, at) {
      if (support.run(projectId, userId, at).changes === 0) return false;
      countSupport.run(projectId);
      return true;
    },
    async supportedBy(userId, projectIds) {
      if (projectIds.length === 0) return new Set();
      const rows = db
        .prepare('SELECT project_id FROM project_supports WHERE user_id = ? AND project_id IN (SELECT value FROM json_each(?))')
        .all(userId, JSON.stringify(projectIds)) as Row[];
      return new Set(rows.map((row) => str(row.project_id)));
    },
  };
}
