import { TRANSITIONS } from '../../../shared/domain/request-state';
import { AppError } from '../../../shared/errors';
import type { TRequestDetail, TCancelRequestInput } from '../../../shared/contracts/requests';
import { checkCommentText } from '../../content/check-user-text';
import { toRequestDetail } from '../../views/request-view';
import type { ActionContext } from '../context';

export async function cancelRequest({ runtime, caller }: ActionContext, input: TCancelRequestInput): Promise<TRequestDetail> {
  // A reason goes into the timeline staff and offered members read: checked before the transaction (none is fine).
  await checkCommentText(runtime, caller, input.reason);
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const request = await tx.requests.get(input.requestId);
    if (!request || request.residentId !== caller.id) throw new AppError('NOT_FOUND', '没有找到这条求助');
    if (request.state === 'cancelled') return toRequestDetail(tx, runtime, caller, request);

    const moved = await tx.requests.update(request.id, TRANSITIONS.cancel.from, { state: 'cancelled', cancelledAt: now, roundDeadline: null, updatedAt: now });
    if (!moved) throw new AppError('CONFLICT', '已有党员接单，不能取消了；如有变化请直接联系接单党员');
    await tx.offers.closePending(request.id, 'withdrawn', now);
    await tx.events.append({ requestId: request.id, at: now, kind: 'cancelled', actorId: caller.id, text: input.reason ? `居民已取消：${input.reason}` : '居民已取消' });
    const cancelled = await tx.requests.get(request.id);
    return toRequestDetail(tx, runtime, caller, cancelled ?? request);
  });
}
