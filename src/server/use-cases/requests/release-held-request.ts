import type { TRequestDetail, TRequestRef } from '../../../shared/contracts/requests';
import { TRANSITIONS } from '../../../shared/domain/request-state';
import { AppError } from '../../../shared/errors';
import { requireSameCommunity } from '../community-scope';
import { enqueueNotification } from '../../notify';
import { startRequest } from './create-request';
import { loadRequest, toRequestDetail } from '../../views/request-view';
import type { ActionContext } from '../context';

/**
 * An admin or grid worker read a request the content check held and lets it go: it becomes a fresh
 * submission and starts exactly as one (offers to nearby members, or the wish board). Compare-and-set
 * from held: of two staff deciding at once, one wins and the other gets CONFLICT.
 */
export async function releaseHeldRequest({ runtime, caller }: ActionContext, input: TRequestRef): Promise<TRequestDetail> {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const request = await loadRequest(tx, input.requestId);
    requireSameCommunity(caller, request.communityId);
    const moved = await tx.requests.update(request.id, TRANSITIONS.release.from, { state: TRANSITIONS.release.to, updatedAt: now });
    if (!moved) throw new AppError('CONFLICT', '这条求助已经审核过了，请刷新后查看');
    await tx.events.append({ requestId: request.id, at: now, kind: 'held_released', actorId: caller.id, text: '社区审核通过，开始派单' });
    await enqueueNotification(
      tx,
      { userId: request.residentId, kind: 'request_released', title: '您的求助已通过审核', body: '社区已审核通过，正在为您派单。', requestId: request.id },
      now,
    );
    const released = await loadRequest(tx, request.id);
    const started = await startRequest(tx, released, caller.id, now);
    return toRequestDetail(tx, runtime, caller, started);
  });
}
