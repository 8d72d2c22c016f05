import { chinaDateKey } from '../../../shared/domain/periods';
import { progressState } from '../../../shared/domain/project-rules';
import { enqueueNotification } from '../../notify';
import type { Runtime } from '../../ports';

/** More projects in progress than a whole district runs; the rest wait for the next tick. */
const BATCH = 5_000;

/**
 * Scheduler: from the 20th, owners whose monthly entry is missing are reminded once a day; once the
 * 25th has passed without it, the owner and the admins are told the month is late (once per month).
 */
export async function remindProjectProgress(runtime: Runtime): Promise<{ reminded: number; flagged: number }> {
  const now = runtime.clock.now();
  const today = chinaDateKey(now);
  const { projects, months } = await runtime.store.read(async (tx) => {
    const running = await tx.projects.listInProgress(BATCH);
    return { projects: running, months: await tx.projects.progressMonths(running.map((project) => project.id)) };
  });
  let reminded = 0;
  let flagged = 0;
  for (const project of projects) {
    const state = progressState(project.createdAt, null, months.get(project.id) ?? new Set(), now);
    const lateMonth = state.lateMonths[state.lateMonths.length - 1] ?? null;
    const remind = state.dueSoon && project.remindedOn !== today;
    const flag = lateMonth !== null && project.lateFlaggedMonth !== lateMonth;
    if (!remind && !flag) continue;
    await runtime.store.transaction(async (tx) => {
      // The patch is compare-and-set on the status: a project written off meanwhile is left alone.
      if (!(await tx.projects.update(project.id, 'in_progress', { remindedOn: remind ? today : project.remindedOn, lateFlaggedMonth: flag ? lateMonth : project.lateFlaggedMonth }))) return;
      if (remind) {
        await enqueueNotification(
          tx,
          { userId: project.ownerId, kind: 'project_progress_due', title: '请填报民生实事本月进展', body: `「${project.title}」${state.currentMonth} 的进展请在 25 日前填报。`, requestId: project.requestId },
          now,
        );
        reminded++;
      }
      if (flag && lateMonth) {
        const admins = await tx.users.listByRole(project.communityId, 'admin');
        for (const userId of new Set([project.ownerId, ...admins.map((admin) => admin.id)])) {
          await enqueueNotification(
            tx,
            { userId, kind: 'project_progress_late', title: '民生实事进展逾期未报', body: `「${project.title}」${lateMonth} 的进展没有在 25 日前填报。`, requestId: project.requestId },
            now,
          );
        }
        flagged++;
      }
    });
  }
  return { reminded, flagged };
}
