import type { TRequestRef } from '../../../shared/contracts/requests';
import { CATEGORY_SKILLS } from '../../../shared/domain/categories';
import { resolveDispatchPolicy } from '../../../shared/domain/dispatch-policy';
import { explainRanking, rankCandidates } from '../../../shared/domain/dispatch-ranking';
import { requireSameCommunity } from '../community-scope';
import { loadRequest } from '../../views/request-view';
import type { ActionContext } from '../context';

const DAY_MS = 24 * 60 * 60 * 1000;
const SHOWN = 20;
/** Staff on the phone can ask someone farther than automatic dispatch would. */
const MANUAL_REACH = 3;

/**
 * For manual dispatch: every fitting member within three times the widest radius, ranked with the same
 * explainable score as automatic dispatch, including those at their cap or off-hours (flagged),
 * because a person on the phone may still say yes.
 */
export async function listCandidates({ runtime, caller }: ActionContext, input: TRequestRef) {
  const now = runtime.clock.now();
  return runtime.store.read(async (tx) => {
    const request = await loadRequest(tx, input.requestId);
    requireSameCommunity(caller, request.communityId);
    const community = await tx.communities.get(request.communityId);
    const policy = resolveDispatchPolicy(community?.dispatchPolicy);
    const candidates = await tx.members.findCandidates({
      communityId: request.communityId,
      center: request.location,
      radiusM: policy.radiusStepsM[policy.radiusStepsM.length - 1] * MANUAL_REACH,
      skills: CATEGORY_SKILLS[request.category],
      excludeMemberIds: [request.residentId],
      openTaskCap: Number.MAX_SAFE_INTEGER,
      householdId: request.householdId,
      since: now - 30 * DAY_MS,
      period: 'weekday_day',
      urgent: true,
    });
    const offered = new Set((await tx.offers.listForRequest(request.id)).map((offer) => offer.memberId));
    const openTasks = new Map(candidates.map((candidate) => [candidate.memberId, candidate.openTasks]));
    const ranked = rankCandidates({ category: request.category, gridId: request.gridId, location: request.location }, candidates, policy.weights, SHOWN);
    return {
      items: ranked.map((candidate) => ({
        memberId: candidate.memberId,
        name: candidate.name,
        score: candidate.score,
        distanceM: candidate.distanceM,
        reasons: explainRanking(candidate),
        openTasks: openTasks.get(candidate.memberId) ?? 0,
        atCap: (openTasks.get(candidate.memberId) ?? 0) >= policy.openTaskCap,
        alreadyOffered: offered.has(candidate.memberId),
      })),
    };
  });
}
