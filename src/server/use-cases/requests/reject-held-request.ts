import type { TRequestDetail, TRejectHeldRequestInput } from '../../../shared/contracts/requests';
import { TRANSITIONS } from '../../../shared/domain/request-state';
import { AppError } from '../../../shared/errors';
import { requireSameCommunity } from '../community-scope';
import { enqueueNotification } from '../../notify';
import { loadRequest, toRequestDetail } from '../../views/request-view';
import type { ActionContext } from '../context';

/**
 * An admin or grid worker turns down a request the content check held, with a reason the resident
 * reads in the request's history and inbox. Compare-and-set from held, like releasing it.
 */
export async function rejectHeldRequest({ runtime, caller }: ActionContext, input: TRejectHeldRequestInput): Promise<TRequestDetail> {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const request = await loadRequest(tx, input.requestId);
    requireSameCommunity(caller, request.communityId);
    const moved = await tx.requests.update(request.id, TRANSITIONS.reject.from, { state: TRANSITIONS.reject.to, cancelledAt: now, roundDeadline: null, updatedAt: now });
    if (!moved) throw new AppError('CONFLICT', '这条求助已经审核过了，请刷新后查看');
    await tx.events.append({ requestId: request.id, at: now, kind: 'held_rejected', actorId: caller.id, text: `社区审核未通过：${input.reason}` });
    await enqueueNotification(
      tx,
      { userId: request.residentId, kind: 'request_rejected', title: '您的求助未通过审核', body: input.reason, requestId: request.id },
      now,
    );
    return toRequestDetail(tx, runtime, caller, await loadRequest(tx, request.id));
  });
}
