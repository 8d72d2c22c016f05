import { CATEGORY_LABELS } from '../../../../shared/domain/categories';
import type { DispatchPolicy } from '../../../../shared/domain/dispatch-policy';
import { explainRanking, rankCandidates } from '../../../../shared/domain/dispatch-ranking';
import { distanceMeters, formatDistance } from '../../../../shared/domain/geo';
import { TRANSITIONS } from '../../../../shared/domain/request-state';
import { AppError } from '../../../../shared/errors';
import { enqueueNotification, notifyCommunityStaff } from '../../../notify';
import type { OfferRecord, RequestRecord, Tx } from '../../../ports';
import { searchCandidates, type DispatchSearch } from './search-candidates';

export type RoundOutcome = { kind: 'offered'; round: number; offers: OfferRecord[] } | { kind: 'needs_manual' } | { kind: 'moved_on' };

/**
 * Offers the request to the next batch of nearby members who have not been offered it yet,
 * widening the radius until someone fits; after the last radius it goes to manual dispatch.
 * `search` is the candidate search made before this transaction; without one it is made here.
 * A search made for another round (someone moved the request on meanwhile) offers nothing.
 */
export async function runOfferRound(tx: Tx, request: RequestRecord, now: number, search?: DispatchSearch): Promise<RoundOutcome> {
  const { policy, excluded, found, round: searchedRound } = search ?? (await searchCandidates(tx, { ...request, stored: request }, now));
  if (searchedRound !== request.round) return { kind: 'moved_on' };
  const left = new Set(excluded);

  for (let round = request.round + 1; round <= policy.radiusStepsM.length; round++) {
    const radiusM = policy.radiusStepsM[round - 1];
    const candidates = found.filter((candidate) => !left.has(candidate.memberId) && distanceMeters(request.location, candidate.home) <= radiusM);
    if (candidates.length === 0) continue;

    const ranked = rankCandidates({ category: request.category, gridId: request.gridId, location: request.location }, candidates, policy.weights, policy.batchSize);
    const expiresAt = now + policy.offerTimeoutMinutes[request.urgency] * 60_000;
    const offers: OfferRecord[] = ranked.map((candidate) => ({
      requestId: request.id,
      memberId: candidate.memberId,
      round,
      status: 'pending',
      score: candidate.score,
      distanceM: candidate.distanceM,
      reasons: explainRanking(candidate),
      offeredAt: now,
      expiresAt,
      respondedAt: null,
    }));

    const moved = await tx.requests.update(request.id, TRANSITIONS.dispatch.from.concat('dispatching'), {
      state: 'dispatching',
      round,
      roundDeadline: expiresAt,
      updatedAt: now,
    });
    if (!moved) throw new AppError('CONFLICT', '求助状态已变化，请刷新后重试');
    await tx.offers.insertMany(offers);
    await tx.events.append({
      requestId: request.id,
      at: now,
      kind: 'offered',
      actorId: null,
      text: `已推送给 ${offers.length} 位附近的党员（${formatDistance(radiusM)} 内），等待接单`,
    });
    for (const offer of offers) {
      await enqueueNotification(
        tx,
        {
          userId: offer.memberId,
          kind: 'task_offered',
          title: `${request.urgency === 'urgent' ? '【紧急】' : ''}新的求助：${CATEGORY_LABELS[request.category]}`,
          body: `${offer.reasons}。请在 ${policy.offerTimeoutMinutes[request.urgency]} 分钟内决定是否接单。`,
          requestId: request.id,
        },
        now,
      );
    }
    return { kind: 'offered', round, offers };
  }

  return moveToManualDispatch(tx, request, policy, now);
}

async function moveToManualDispatch(tx: Tx, request: RequestRecord, policy: DispatchPolicy, now: number): Promise<RoundOutcome> {
  const moved = await tx.requests.update(request.id, TRANSITIONS.exhaust.from, {
    state: 'needs_manual',
    round: policy.radiusStepsM.length,
    roundDeadline: null,
    updatedAt: now,
  });
  if (!moved) throw new AppError('CONFLICT', '求助状态已变化，请刷新后重试');
  await tx.events.append({ requestId: request.id, at: now, kind: 'needs_manual', actorId: null, text: '附近暂时没有党员接单，已转社区人工派单' });
  await notifyCommunityStaff(
    tx,
    request.communityId,
    { kind: 'needs_manual', title: `待人工派单：${CATEGORY_LABELS[request.category]}`, body: `${request.address}：${request.description.slice(0, 40)}`, requestId: request.id },
    now,
  );
  return { kind: 'needs_manual' };
}
