import { TRANSITIONS } from '../../../shared/domain/request-state';
import { AppError } from '../../../shared/errors';
import type { TRequestDetail, TRequestRef } from '../../../shared/contracts/requests';
import { enqueueNotification } from '../../notify';
import { toRequestDetail } from '../../views/request-view';
import type { ActionContext } from '../context';

export async function acceptTask({ runtime, caller }: ActionContext, input: TRequestRef): Promise<TRequestDetail> {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    // The request, the caller's offer and member record (whose load the acceptance moves) in one round trip.
    const [request, offer] = await Promise.all([tx.requests.get(input.requestId), tx.offers.get(input.requestId, caller.id), tx.members.get(caller.id)]);
    if (!request) throw new AppError('NOT_FOUND', '没有找到这条求助');
    if (!offer) throw new AppError('FORBIDDEN', '这条求助没有派给您，不能接单');

    // A retried accept by the winner answers like the first one did.
    if (request.assigneeId === caller.id) return toRequestDetail(tx, runtime, caller, request);

    if (request.state !== 'dispatching' || offer.status !== 'pending') {
      throw new AppError('CONFLICT', request.state === 'cancelled' ? '居民已取消这条求助' : '该求助已被其他党员接单或已结束');
    }
    if (offer.expiresAt <= now) throw new AppError('CONFLICT', '接单邀请已过期，已转给其他党员');

    const won = await tx.requests.update(request.id, TRANSITIONS.accept.from, {
      state: 'accepted',
      assigneeId: caller.id,
      acceptedAt: now,
      roundDeadline: null,
      updatedAt: now,
    });
    if (!won) throw new AppError('CONFLICT', '该求助已被其他党员接单');
    await tx.offers.updateStatus(request.id, caller.id, ['pending'], 'accepted', now);
    await tx.offers.closePending(request.id, 'withdrawn', now);
    await tx.events.append({ requestId: request.id, at: now, kind: 'accepted', actorId: caller.id, text: `${caller.name} 已接单，将尽快与您联系` });
    await enqueueNotification(
      tx,
      { userId: request.residentId, kind: 'request_accepted', title: '您的求助已有人接单', body: `${caller.name}（${caller.phone}）已接单，将尽快与您联系。`, requestId: request.id },
      now,
    );
    const accepted = await tx.requests.get(request.id);
    if (!accepted) throw new AppError('INTERNAL', '接单后读取求助失败');
    return toRequestDetail(tx, runtime, caller, accepted);
  });
}
