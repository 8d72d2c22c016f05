import { resolveDispatchPolicy } from '../../../../shared/domain/dispatch-policy';
import { distanceMeters } from '../../../../shared/domain/geo';
import { TRANSITIONS } from '../../../../shared/domain/request-state';
import { AppError } from '../../../../shared/errors';
import { enqueueNotification } from '../../../notify';
import type { RequestRecord, Tx } from '../../../ports';
import { runOfferRound } from './run-offer-round';

/**
 * A reopened request goes back to the member who handled it, alone, for one offer period
 * (round 0); if they decline or let it lapse, ordinary rounds continue with new members.
 */
export async function offerToPreviousMember(tx: Tx, request: RequestRecord, now: number): Promise<void> {
  const previous = request.previousAssigneeId ? await tx.members.get(request.previousAssigneeId) : null;
  if (!previous || previous.status !== 'approved' || previous.onLeave) {
    await runOfferRound(tx, { ...request, round: 0 }, now);
    return;
  }
  const community = await tx.communities.get(request.communityId);
  const policy = resolveDispatchPolicy(community?.dispatchPolicy);
  const expiresAt = now + policy.offerTimeoutMinutes[request.urgency] * 60_000;
  const moved = await tx.requests.update(request.id, TRANSITIONS.dispatch.from, { state: 'dispatching', round: 0, roundDeadline: expiresAt, updatedAt: now });
  if (!moved) throw new AppError('CONFLICT', '求助状态已变化，请刷新后重试');
  await tx.offers.save({
    requestId: request.id,
    memberId: previous.userId,
    round: 0,
    status: 'pending',
    score: 0,
    distanceM: Math.round(distanceMeters(request.location, previous.home)),
    reasons: '原办理党员 · 居民反映未解决',
    offeredAt: now,
    expiresAt,
    respondedAt: null,
  });
  await tx.events.append({ requestId: request.id, at: now, kind: 'offered', actorId: null, text: '已请原办理党员再次处理' });
  await enqueueNotification(
    tx,
    { userId: previous.userId, kind: 'task_reopened', title: '您办结的求助需要再次处理', body: '居民反映问题还没有解决，请尽快查看并接单。', requestId: request.id },
    now,
  );
}
