import { AppError } from '../../../shared/errors';
import type { Caller, ProjectRecord, Tx } from '../../ports';
import { loadProject } from '../../views/project-view';

/** A project in progress that the caller may report on: its owner, or any admin of the community. */
export async function loadOwnedProject(tx: Tx, caller: Caller, projectId: string): Promise<ProjectRecord> {
  const project = await loadProject(tx, caller, projectId);
  if (project.ownerId !== caller.id && !caller.roles.includes('admin')) throw new AppError('FORBIDDEN', '只有项目负责人或社区管理员可以填报');
  if (project.status !== 'in_progress') throw new AppError('CONFLICT', '这个项目已经销账，不能再修改');
  return project;
}
