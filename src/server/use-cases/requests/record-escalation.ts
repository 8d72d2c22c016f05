import type { TRequestDetail, TRecordEscalationInput } from '../../../shared/contracts/requests';
import { TRANSITIONS } from '../../../shared/domain/request-state';
import { AppError } from '../../../shared/errors';
import { requireSameCommunity } from '../community-scope';
import { enqueueNotification } from '../../notify';
import { loadRequest, toRequestDetail } from '../../views/request-view';
import { tickEscalationProject } from '../ledgers/escalation-project';
import type { ActionContext } from '../context';

/** Records the department's answer and, when it is settled, the outcome; the resident then rates it. */
export async function recordEscalation(
  { runtime, caller }: ActionContext,
  input: TRecordEscalationInput,
): Promise<TRequestDetail> {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const request = await loadRequest(tx, input.requestId);
    requireSameCommunity(caller, request.communityId);
    const escalation = await tx.escalations.get(request.id);
    if (!escalation || request.state !== 'escalated') throw new AppError('CONFLICT', '这条求助不在吹哨办理中');
    if (input.resolved && !input.outcome) throw new AppError('VALIDATION_FAILED', '已解决时请填写办理结果', [{ path: ['outcome'], message: '请填写办理结果' }]);

    await tx.escalations.save({ ...escalation, answer: input.answer, outcome: input.outcome || null, status: input.resolved ? 'resolved' : 'answered', updatedAt: now });
    await tickEscalationProject(tx, request.id, input.resolved, now);
    await tx.events.append({ requestId: request.id, at: now, kind: 'escalation_answered', actorId: caller.id, text: `${escalation.department}答复：${input.answer}` });
    if (input.resolved) {
      const moved = await tx.requests.update(request.id, TRANSITIONS.resolve.from, { state: 'completed', completionNote: input.outcome, completedAt: now, updatedAt: now });
      if (!moved) throw new AppError('CONFLICT', '求助状态已变化，请刷新后重试');
      await tx.events.append({ requestId: request.id, at: now, kind: 'completed', actorId: caller.id, text: `已办结：${input.outcome}` });
    }
    await enqueueNotification(
      tx,
      {
        userId: request.residentId,
        kind: input.resolved ? 'request_completed' : 'escalation_answered',
        title: input.resolved ? '您的求助已办结' : `${escalation.department}已答复`,
        body: input.resolved ? '请为这次办理打分。' : input.answer.slice(0, 60),
        requestId: request.id,
      },
      now,
    );
    return toRequestDetail(tx, runtime, caller, (await tx.requests.get(request.id)) ?? request);
  });
}
