import { CATEGORY_BEHAVIOUR } from '../../../shared/domain/categories';
import type { TRequestDetail, TRequestRef } from '../../../shared/contracts/requests';
import { AppError } from '../../../shared/errors';
import { enqueueNotification } from '../../notify';
import { loadRequest, toRequestDetail } from '../../views/request-view';
import type { ActionContext } from '../context';

/** A member or volunteer claims a wish from the board; the first claim wins (compare-and-set), a retry by the winner is fine. */
export async function claimWish({ runtime, caller }: ActionContext, input: TRequestRef): Promise<TRequestDetail> {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const wish = await loadRequest(tx, input.requestId);
    if (CATEGORY_BEHAVIOUR[wish.category].routing !== 'board' || wish.communityId !== caller.communityId) throw new AppError('NOT_FOUND', '没有找到这个心愿');
    const member = await tx.members.get(caller.id);
    if (!member || member.status !== 'approved') throw new AppError('FORBIDDEN', '通过审核的党员和志愿者才能认领心愿');
    if (wish.assigneeId === caller.id) return toRequestDetail(tx, runtime, caller, wish);
    if (wish.residentId === caller.id) throw new AppError('CONFLICT', '不能认领自己的心愿');
    const won = await tx.requests.update(wish.id, ['submitted'], { state: 'accepted', assigneeId: caller.id, acceptedAt: now, updatedAt: now });
    if (!won) throw new AppError('CONFLICT', wish.state === 'cancelled' ? '居民已撤回这个心愿' : '这个心愿已被其他人认领');
    await tx.events.append({ requestId: wish.id, at: now, kind: 'wish_claimed', actorId: caller.id, text: `${caller.name} 认领了这个心愿，将尽快与您联系` });
    await enqueueNotification(
      tx,
      { userId: wish.residentId, kind: 'wish_claimed', title: '您的心愿有人认领了', body: `${caller.name}（${caller.phone}）认领了您的心愿，将尽快与您联系。`, requestId: wish.id },
      now,
    );
    return toRequestDetail(tx, runtime, caller, (await tx.requests.get(wish.id)) ?? wish);
  });
}
