import { PUBLISHED_AT_START, type ProjectSource } from '../../../shared/domain/project-rules';
import { newId } from '../../ids';
import { enqueueNotification } from '../../notify';
import type { MilestoneRecord, ProjectRecord, Tx } from '../../ports';

export interface ProjectDraft {
  communityId: string;
  title: string;
  description: string;
  ownerDepartment: string;
  ownerId: string;
  targetDate: string;
  source: ProjectSource;
  requestId: string | null;
  milestones: Omit<MilestoneRecord, 'doneAt'>[];
  createdBy: string;
}

/** Puts a project on the livelihood ledger (民生实事台账) and tells its owner they report on it monthly. */
export async function openProject(tx: Tx, draft: ProjectDraft, now: number): Promise<ProjectRecord> {
  const project: ProjectRecord = {
    ...draft,
    id: newId('pj'),
    milestones: draft.milestones.map((milestone) => ({ ...milestone, doneAt: null })),
    status: 'in_progress',
    supportCount: 0,
    createdAt: now,
    updatedAt: now,
    writtenOffAt: null,
    writeOffNote: null,
    remindedOn: null,
    lateFlaggedMonth: null,
    ...(PUBLISHED_AT_START[draft.source]
      ? { publicTitle: draft.title, publicSummary: draft.description, publishedAt: now, publishedBy: draft.createdBy }
      : { publicTitle: null, publicSummary: null, publishedAt: null, publishedBy: null }),
  };
  await tx.projects.insert(project);
  if (draft.ownerId !== draft.createdBy) {
    await enqueueNotification(
      tx,
      { userId: draft.ownerId, kind: 'project_assigned', title: '您负责一个民生实事项目', body: `「${draft.title}」：每月 25 日前请填报一次进展。`, requestId: draft.requestId },
      now,
    );
  }
  return project;
}
