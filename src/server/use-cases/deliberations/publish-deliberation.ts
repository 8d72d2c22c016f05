import type { TDeliberationRef } from '../../../shared/contracts/deliberations';
import { AppError } from '../../../shared/errors';
import { requireStatus } from './step-guard';
import { enqueueNotification } from '../../notify';
import { loadDeliberation, toDeliberationView } from '../../views/deliberation-view';
import type { ActionContext } from '../context';

/** 发布公告: the notice goes to every resident who may vote; who they are is fixed now, so the quorum cannot drift. */
export async function publishDeliberation({ runtime, caller }: ActionContext, input: TDeliberationRef) {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const deliberation = await loadDeliberation(tx, caller, input.deliberationId);
    requireStatus(deliberation, 'draft', '再发布公告');
    if (deliberation.voteEndsAt <= now) throw new AppError('VALIDATION_FAILED', '投票截止时间已过，请重新拟定方案');
    const voters = await tx.deliberations.eligibleVoters(deliberation.communityId, deliberation.buildingIds);
    if (voters.length === 0) throw new AppError('VALIDATION_FAILED', '所选楼栋还没有登记的居民，无法发起表决');
    if (!(await tx.deliberations.update(deliberation.id, 'draft', { status: 'published', eligibleCount: voters.length, publishedAt: now }))) {
      throw new AppError('CONFLICT', '这个议题已经发布了');
    }
    await tx.deliberations.saveVoters(deliberation.id, voters);
    for (const userId of voters) {
      await enqueueNotification(tx, { userId, kind: 'deliberation_published', title: `议事公告：${deliberation.title}`, body: '请查看方案，在截止前发表意见并投票。', requestId: null }, now);
    }
    return toDeliberationView(tx, runtime, caller, (await tx.deliberations.get(deliberation.id)) ?? deliberation);
  });
}
