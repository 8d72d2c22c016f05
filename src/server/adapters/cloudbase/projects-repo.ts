import type { ProjectSource, ProjectStatus } from '../../../shared/domain/project-rules';
import type { MilestoneRecord, ProgressRecord, ProjectPatch, ProjectRecord, ProjectRepo } from '../../ports';
import type { Doc, DocDb } from './doc-db';
import type { StoreSession } from './session-cache';
import { compositeId, toDoc, orNull } from './doc-db';
import { findPage } from './paging';

/*
 * Collections written here:
 *   projects              `_id` = project id: the ProjectRecord (`supportCount` kept in step by addSupport).
 *   projects_by_request   `_id` = request id → `{ projectId }`: one project per request (SQLite's
 *                         UNIQUE request_id), and `getByRequest` reads it by id, so it sees the
 *                         caller's own transaction.
 *   project_progress      `_id` = compositeId(projectId, month): the ProgressRecord, one per project
 *                         and month (saving again that month replaces it).
 *   project_supports      `_id` = compositeId(projectId, userId) → `{ projectId, userId, createdAt }`:
 *                         one per user, so racing supports conflict on the document and count once.
 *
 * Queries read committed data only. The use cases read progress and supports back in the very
 * transaction that wrote them (a new entry, then the project's view), so this repository — bound to
 * one transaction — remembers what it wrote and merges it into those query results.
 */

export const PROJECTS = 'projects';
export const PROJECTS_BY_REQUEST = 'projects_by_request';
export const PROJECT_PROGRESS = 'project_progress';
export const PROJECT_SUPPORTS = 'project_supports';

/** Monthly entries read per project at most (50 years): a project has one a month. */
const MONTHS_CAP = 600;
/** Projects asked about per query (`in` lists). */
const ID_CHUNK = 50;

function toProject(doc: Doc): ProjectRecord {
  return {
    id: String(doc.id),
    communityId: String(doc.communityId),
    title: String(doc.title),
    description: String(doc.description),
    ownerDepartment: String(doc.ownerDepartment),
    ownerId: String(doc.ownerId),
    targetDate: String(doc.targetDate),
    source: doc.source as ProjectSource,
    requestId: orNull<string>(doc.requestId),
    milestones: ((doc.milestones as MilestoneRecord[] | undefined) ?? []).map((milestone) => ({ title: milestone.title, dueDate: milestone.dueDate, doneAt: milestone.doneAt ?? null })),
    status: doc.status as ProjectStatus,
    supportCount: Number(doc.supportCount ?? 0),
    createdBy: String(doc.createdBy),
    createdAt: Number(doc.createdAt),
    updatedAt: Number(doc.updatedAt),
    writtenOffAt: orNull<number>(doc.writtenOffAt),
    writeOffNote: orNull<string>(doc.writeOffNote),
    remindedOn: orNull<string>(doc.remindedOn),
    lateFlaggedMonth: orNull<string>(doc.lateFlaggedMonth),
    // A document written before publication existed reads as staff-only: the safe side.
    publicTitle: orNull<string>(doc.publicTitle),
    publicSummary: orNull<string>(doc.publicSummary),
    publishedAt: orNull<number>(doc.publishedAt),
    publishedBy: orNull<string>(doc.publishedBy),
  };
}

function toProgress(doc: Doc): ProgressRecord {
  return {
    projectId: String(doc.projectId),
    month: String(doc.month),
    text: String(doc.text),
    percent: Number(doc.percent),
    authorId: String(doc.authorId),
    createdAt: Number(doc.createdAt),
  };
}

const PATCH_FIELDS: readonly (keyof ProjectPatch)[] = [
  'milestones',
  'status',
  'writtenOffAt',
  'writeOffNote',
  'remindedOn',
  'lateFlaggedMonth',
  'updatedAt',
  'publicTitle',
  'publicSummary',
  'publishedAt',
  'publishedBy',
];

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

export function createProjectRepo(db: DocDb, session: StoreSession): ProjectRepo {
  /** Progress entries and supports written through this repository (its transaction), by document id. */
  const progressWritten = new Map<string, ProgressRecord>();
  const supportsWritten = new Set<string>();

  const get = async (id: string) => {
    const doc = await session.get(PROJECTS, id);
    return doc ? toProject(doc) : null;
  };

  return {
    async insert(project) {
      if (project.requestId !== null) {
        await session.create(PROJECTS_BY_REQUEST, { _id: project.requestId, projectId: project.id }, 'UNIQUE constraint failed: projects.request_id');
      }
      await session.create(PROJECTS, toDoc(project.id, project), `UNIQUE constraint failed: projects.id (${project.id})`);
    },
    get,
    async getByRequest(requestId) {
      const key = await session.get(PROJECTS_BY_REQUEST, requestId);
      return key ? get(String(key.projectId)) : null;
    },
    async list(communityId, status, page, publishedOnly = false) {
      const result = await findPage(db, PROJECTS, { communityId, status: status ?? undefined, publishedAt: publishedOnly ? { ne: null } : undefined }, page);
      return { items: result.items.map(toProject), nextCursor: result.nextCursor };
    },
    async listInProgress(limit) {
      // Oldest first, as SQLite (created_at, id).
      const docs = await db.find(PROJECTS, { status: 'in_progress' }, { orderBy: [{ field: 'createdAt', direction: 'asc' }, { field: 'id', direction: 'asc' }], limit });
      return docs.map(toProject);
    },
    async update(id, expectedStatus, patch) {
      const doc = await session.get(PROJECTS, id);
      if (!doc || doc.status !== expectedStatus) return false;
      const fields: Record<string, unknown> = {};
      for (const key of PATCH_FIELDS) if (patch[key] !== undefined) fields[key] = patch[key];
      if (Object.keys(fields).length === 0) return true;
      // The whole document is written: a partial update could merge the milestones' objects.
      await session.set(PROJECTS, { ...doc, ...fields });
      return true;
    },
    async saveProgress(entry) {
      const id = compositeId(entry.projectId, entry.month);
      await session.set(PROJECT_PROGRESS, toDoc(id, entry));
      progressWritten.set(id, { ...entry });
    },
    async listProgress(projectId) {
      const docs = await db.find(PROJECT_PROGRESS, { projectId }, { orderBy: [{ field: 'month', direction: 'desc' }], limit: MONTHS_CAP });
      const byMonth = new Map(docs.map((doc) => [String(doc.month), toProgress(doc)]));
      for (const entry of progressWritten.values()) if (entry.projectId === projectId) byMonth.set(entry.month, { ...entry });
      return [...byMonth.values()].sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
    },
    async progressMonths(projectIds) {
      const result = new Map<string, Set<string>>(projectIds.map((id) => [id, new Set<string>()]));
      const unique = [...new Set(projectIds)];
      for (const chunk of chunks(unique, ID_CHUNK)) {
        const docs = await db.find(
          PROJECT_PROGRESS,
          { projectId: { in: chunk } },
          { orderBy: [{ field: 'projectId', direction: 'asc' }, { field: 'month', direction: 'desc' }], limit: chunk.length * MONTHS_CAP, fields: ['projectId', 'month'] },
        );
        for (const doc of docs) result.get(String(doc.projectId))?.add(String(doc.month));
      }
      for (const entry of progressWritten.values()) result.get(entry.projectId)?.add(entry.month);
      return result;
    },
    async addSupport(projectId, userId, at) {
      const id = compositeId(projectId, userId);
      if (await session.get(PROJECT_SUPPORTS, id)) return false;
      const project = await session.get(PROJECTS, projectId);
      if (!project) throw new Error(`FOREIGN KEY constraint failed: project ${projectId} does not exist`);
      // Both documents in the caller's transaction: a racer conflicts on them and, re-run, finds the support.
      await session.set(PROJECT_SUPPORTS, { _id: id, projectId, userId, createdAt: at });
      await session.update(PROJECTS, projectId, { supportCount: Number(project.supportCount ?? 0) + 1 });
      supportsWritten.add(id);
      return true;
    },
    async supportedBy(userId, projectIds) {
      const supported = new Set<string>();
      const unique = [...new Set(projectIds)];
      for (const chunk of chunks(unique, ID_CHUNK)) {
        const ids = chunk.map((projectId) => compositeId(projectId, userId));
        const docs = await db.find(PROJECT_SUPPORTS, { _id: { in: ids } }, { limit: ids.length, fields: ['projectId'] });
        for (const doc of docs) supported.add(String(doc.projectId));
        for (const [index, id] of ids.entries()) if (supportsWritten.has(id)) supported.add(chunk[index]);
      }
      return supported;
    },
  };
}
