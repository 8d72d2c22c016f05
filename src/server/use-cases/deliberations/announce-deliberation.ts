import type { TDeliberationRef } from '../../../shared/contracts/deliberations';
import { tallyVotes } from '../../../shared/domain/deliberation-rules';
import { AppError } from '../../../shared/errors';
import { requireStatus } from './step-guard';
import { enqueueNotification } from '../../notify';
import { loadDeliberation, toDeliberationView } from '../../views/deliberation-view';
import type { ActionContext } from '../context';

/** 反馈公示: the decision and the tally are published to every resident who could vote. */
export async function announceDeliberation({ runtime, caller }: ActionContext, input: TDeliberationRef) {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const deliberation = await loadDeliberation(tx, caller, input.deliberationId);
    requireStatus(deliberation, 'decided', '公示结果');
    if (!(await tx.deliberations.update(deliberation.id, 'decided', { status: 'announced', announcedAt: now }))) throw new AppError('CONFLICT', '这个议题已经公示了');
    const tally = tallyVotes(deliberation.options.length, await tx.deliberations.listVotes(deliberation.id), deliberation.eligibleCount ?? 0, deliberation.quorumPercent);
    const counts = deliberation.options.map((option, index) => `${option} ${tally.counts[index]} 票`).join('，');
    for (const userId of await tx.deliberations.listVoters(deliberation.id)) {
      await enqueueNotification(tx, { userId, kind: 'deliberation_announced', title: `议事结果公示：${deliberation.title}`, body: `${counts}。${deliberation.decision ?? ''}`.slice(0, 120), requestId: null }, now);
    }
    return toDeliberationView(tx, runtime, caller, (await tx.deliberations.get(deliberation.id)) ?? deliberation);
  });
}
