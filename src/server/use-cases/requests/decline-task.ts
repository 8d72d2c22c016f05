import type { TDeclineTaskInput } from '../../../shared/contracts/requests';
import { AppError } from '../../../shared/errors';
import { runOfferRound } from './dispatch/run-offer-round';
import type { ActionContext } from '../context';

export async function declineTask({ runtime, caller }: ActionContext, input: TDeclineTaskInput) {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const request = await tx.requests.get(input.requestId);
    if (!request) throw new AppError('NOT_FOUND', '没有找到这条求助');
    const offer = await tx.offers.get(request.id, caller.id);
    if (!offer) throw new AppError('FORBIDDEN', '这条求助没有派给您');
    if (offer.status === 'declined') return { requestId: request.id, declined: true as const };
    if (offer.status !== 'pending') throw new AppError('CONFLICT', '这条邀请已经结束，无需再婉拒');

    await tx.offers.updateStatus(request.id, caller.id, ['pending'], 'declined', now);
    await tx.events.append({
      requestId: request.id,
      at: now,
      kind: 'declined',
      actorId: caller.id,
      text: '一位党员暂时无法接单，正在联系其他党员',
    });
    // When everyone in this round has said no, move on at once instead of waiting for the timeout.
    const stillPending = (await tx.offers.listForRequest(request.id)).some((other) => other.status === 'pending');
    if (!stillPending && request.state === 'dispatching') await runOfferRound(tx, request, now);
    return { requestId: request.id, declined: true as const };
  });
}
