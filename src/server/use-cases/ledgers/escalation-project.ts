import { CATEGORY_LABELS } from '../../../shared/domain/categories';
import { addDays } from '../../../shared/domain/periods';
import type { EscalationRecord, RequestRecord, Tx } from '../../ports';
import { openProject } from './open-project';

/** Days the department has to answer after the joint meeting. */
const ANSWER_DAYS = 7;
/** Target for settling it when the meeting set none. */
const DEFAULT_TARGET_DAYS = 30;
const ANSWERED = 0;
const SETTLED = 1;

/** An escalated request becomes a livelihood project owned by the escalating admin, with the department as the owner unit. */
export async function openEscalationProject(tx: Tx, request: RequestRecord, escalation: EscalationRecord, targetDate: string | undefined, now: number) {
  // A reopened request escalated again stays on its first project.
  const existing = await tx.projects.getByRequest(request.id);
  if (existing) return existing;
  const target = targetDate ?? addDays(escalation.meetingDate, DEFAULT_TARGET_DAYS);
  return openProject(
    tx,
    {
      communityId: request.communityId,
      title: `${CATEGORY_LABELS[request.category]}：${request.description.slice(0, 24)}`,
      description: `${request.description}\n联席会议（${escalation.meetingDate}）决定：${escalation.decision}`,
      ownerDepartment: escalation.department,
      ownerId: escalation.createdBy,
      targetDate: target,
      source: 'escalation',
      requestId: request.id,
      milestones: [
        { title: `${escalation.department}答复`, dueDate: [addDays(escalation.meetingDate, ANSWER_DAYS), target].sort()[0] },
        { title: '问题解决', dueDate: target },
      ],
      createdBy: escalation.createdBy,
    },
    now,
  );
}

/** The department's answer and the settlement tick the project's two milestones. */
export async function tickEscalationProject(tx: Tx, requestId: string, resolved: boolean, now: number): Promise<void> {
  const project = await tx.projects.getByRequest(requestId);
  if (!project || project.status !== 'in_progress') return;
  const done = new Set(resolved ? [ANSWERED, SETTLED] : [ANSWERED]);
  const milestones = project.milestones.map((milestone, index) => (done.has(index) && milestone.doneAt === null ? { ...milestone, doneAt: now } : milestone));
  await tx.projects.update(project.id, 'in_progress', { milestones, updatedAt: now });
}
