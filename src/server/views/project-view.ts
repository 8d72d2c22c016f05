import type { TProjectDetail, TProjectView } from '../../shared/contracts/ledgers';
import { progressState } from '../../shared/domain/project-rules';
import { CATEGORY_BEHAVIOUR } from '../../shared/domain/categories';
import { AppError } from '../../shared/errors';
import type { Caller, ProjectRecord, Runtime, Tx } from '../ports';

const iso = (ms: number) => new Date(ms).toISOString();

/** Community staff see every project of their community with its full text; everyone else only what was published. */
export const seesStaffProjects = (caller: Caller): boolean => caller.roles.includes('admin') || caller.roles.includes('grid_worker');

/** Projects are invisible outside their community, and to residents until published (晒清单). */
export async function loadProject(tx: Tx, caller: Caller, projectId: string): Promise<ProjectRecord> {
  const project = await tx.projects.get(projectId);
  if (!project || project.communityId !== caller.communityId) throw new AppError('NOT_FOUND', '没有找到这个民生实事项目');
  if (project.publishedAt === null && !seesStaffProjects(caller)) throw new AppError('NOT_FOUND', '没有找到这个民生实事项目');
  return project;
}

/** Whether the project may be published: never one that grew out of a private matter (mediation, a home visit). */
export async function isPublishable(tx: Tx, project: ProjectRecord): Promise<boolean> {
  if (project.requestId === null) return true;
  const request = await tx.requests.get(project.requestId);
  return request === null || CATEGORY_BEHAVIOUR[request.category].publishable;
}

/** Views of several projects with their owners, progress flags and the caller's support, in a few reads. */
export async function toProjectViews(tx: Tx, runtime: Runtime, caller: Caller, projects: ProjectRecord[]): Promise<TProjectView[]> {
  const ids = projects.map((project) => project.id);
  const months = await tx.projects.progressMonths(ids);
  const supported = await tx.projects.supportedBy(caller.id, ids);
  const owners = new Map((await tx.users.listByIds([...new Set(projects.map((project) => project.ownerId))])).map((user) => [user.id, user.name]));
  const staff = seesStaffProjects(caller);
  const publishable = staff ? await Promise.all(projects.map((project) => isPublishable(tx, project))) : projects.map(() => false);
  const now = runtime.clock.now();
  const views: TProjectView[] = [];
  for (const [index, project] of projects.entries()) {
    const publication =
      project.publishedAt !== null ? { title: project.publicTitle ?? project.title, summary: project.publicSummary ?? '', publishedAt: iso(project.publishedAt) } : null;
    const latest = months.get(project.id)?.size ? (await tx.projects.listProgress(project.id))[0] : undefined;
    const state = progressState(project.createdAt, project.writtenOffAt, months.get(project.id) ?? new Set(), now);
    views.push({
      id: project.id,
      // Residents read the words written for them, never the text staff keep (a resident's complaint).
      title: staff ? project.title : (publication?.title ?? ''),
      description: staff ? project.description : (publication?.summary ?? ''),
      ownerDepartment: project.ownerDepartment,
      ownerId: project.ownerId,
      ownerName: owners.get(project.ownerId) ?? '',
      targetDate: project.targetDate,
      source: project.source,
      requestId: staff ? project.requestId : null,
      milestones: project.milestones.map((milestone) => ({ title: milestone.title, dueDate: milestone.dueDate, doneAt: milestone.doneAt === null ? null : iso(milestone.doneAt) })),
      status: project.status,
      supportCount: project.supportCount,
      supportedByMe: supported.has(project.id),
      createdAt: iso(project.createdAt),
      writtenOffAt: project.writtenOffAt === null ? null : iso(project.writtenOffAt),
      writeOffNote: project.writeOffNote,
      latestProgress: latest ? { month: latest.month, text: latest.text, percent: latest.percent } : null,
      lateMonths: state.lateMonths,
      dueSoon: state.dueSoon,
      publication,
      publishable: publishable[index],
    });
  }
  return views;
}

export async function toProjectDetail(tx: Tx, runtime: Runtime, caller: Caller, project: ProjectRecord): Promise<TProjectDetail> {
  const [view] = await toProjectViews(tx, runtime, caller, [project]);
  const progress = await tx.projects.listProgress(project.id);
  const authors = new Map((await tx.users.listByIds([...new Set(progress.map((entry) => entry.authorId))])).map((user) => [user.id, user.name]));
  return {
    ...view,
    progress: progress.map((entry) => ({ month: entry.month, text: entry.text, percent: entry.percent, authorName: authors.get(entry.authorId) ?? '', at: iso(entry.createdAt) })),
  };
}
