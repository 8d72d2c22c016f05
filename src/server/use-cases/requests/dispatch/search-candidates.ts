import { periodAt } from '../../../../shared/domain/availability';
import { CATEGORY_SKILLS } from '../../../../shared/domain/categories';
import { resolveDispatchPolicy, type DispatchPolicy } from '../../../../shared/domain/dispatch-policy';
import type { DispatchCandidate } from '../../../../shared/domain/dispatch-ranking';
import { AppError } from '../../../../shared/errors';
import type { RequestRecord, Tx } from '../../../ports';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What dispatch needs to know of a request to look for members (a new one has no id or round yet). */
export type DispatchTarget = Pick<RequestRecord, 'communityId' | 'location' | 'category' | 'urgency' | 'householdId' | 'residentId'> & {
  /** The stored request, once there is one: its round and who was offered it already. */
  stored: Pick<RequestRecord, 'id' | 'round'> | null;
};

/**
 * Who may be offered a request, found before the transaction that offers it (on CloudBase the
 * search is several round trips that need not hold a transaction open). The transaction offers only
 * if the request is still in the round the search saw.
 */
export interface DispatchSearch {
  policy: DispatchPolicy;
  round: number;
  /** The resident and every member offered it before: never offered again. */
  excluded: string[];
  /** Everyone who fits within the widest radius and is under the open-task cap, with their load. */
  found: DispatchCandidate[];
}

export async function loadDispatchPolicy(reader: Tx, communityId: string): Promise<DispatchPolicy> {
  const community = await reader.communities.get(communityId);
  if (!community) throw new AppError('NOT_FOUND', '没有找到所在社区');
  return resolveDispatchPolicy(community.dispatchPolicy);
}

export async function searchCandidates(reader: Tx, target: DispatchTarget, now: number): Promise<DispatchSearch> {
  const [policy, offers] = await Promise.all([
    loadDispatchPolicy(reader, target.communityId),
    target.stored ? reader.offers.listForRequest(target.stored.id) : Promise.resolve([]),
  ]);
  const excluded = [...offers.map((offer) => offer.memberId), target.residentId];
  const found = await reader.members.findCandidates({
    communityId: target.communityId,
    center: target.location,
    radiusM: policy.radiusStepsM[policy.radiusStepsM.length - 1],
    skills: CATEGORY_SKILLS[target.category],
    excludeMemberIds: excluded,
    openTaskCap: policy.openTaskCap,
    householdId: target.householdId,
    since: now - 30 * DAY_MS,
    period: periodAt(now),
    urgent: target.urgency === 'urgent',
  });
  return { policy, round: target.stored?.round ?? 0, excluded, found };
}
