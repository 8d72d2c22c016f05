import { REQUEST_CATEGORIES } from '../../../shared/domain/categories';
import { pointsForCompletion } from '../../../shared/domain/points-rules';
import { MINUTE, type ActivityContext, type Community } from './context';

/** Rows with only the facts statistics read, submitted in time order as a live system writes them: fast enough for half a million requests. */
export function writeBulkHistory(context: ActivityContext): void {
  const { options, random, pick, outcomeOf, communities, communityIds, insertRequest, award } = context;
  // Submitted in time order, as a live system writes them.
  const times = Float64Array.from({ length: options.requests }, () => options.from + random() * (options.to - options.from)).sort();
  for (let i = 0; i < options.requests; i++) {
    const communityId = pick(communityIds);
    const community = communities.get(communityId) as Community;
    const resident = pick(community.residents);
    const createdAt = Math.floor(times[i]);
    const state = outcomeOf(random());
    const taken = state === 'accepted' || state === 'completed' || state === 'rated';
    const assignee = taken ? pick(community.members).id : null;
    const acceptedAt = taken ? createdAt + Math.floor((2 + random() * random() * 600) * MINUTE) : null;
    const completedAt = acceptedAt !== null && state !== 'accepted' ? acceptedAt + Math.floor((20 + random() * 2_000) * MINUTE) : null;
    const stars = state === 'rated' ? (random() < 0.8 ? 5 : 1 + Math.floor(random() * 4)) : null;
    const ratedAt = stars !== null && completedAt !== null ? completedAt + 60 * MINUTE : null;
    const cancelledAt = state === 'cancelled' ? createdAt + 30 * MINUTE : null;
    const category = pick(REQUEST_CATEGORIES);
    const points = completedAt !== null ? pointsForCompletion(community.rules, category, 'normal') : null;
    const id = `r_gen_${options.seed}_${i}`;
    insertRequest.run({
      id,
      communityId,
      gridId: resident.gridId,
      householdId: resident.householdId,
      residentId: resident.id,
      clientToken: `gen${i}`,
      category,
      description: '生成的历史求助',
      address: '生成地址',
      contactName: '居民',
      contactPhone: '13800000000',
      lat: 30.6,
      lng: 104.05,
      urgency: 'normal',
      state,
      round: 0,
      assigneeId: assignee,
      completionNote: null,
      ratingStars: stars,
      ratingComment: null,
      pointsAwarded: points,
      createdAt,
      updatedAt: Math.max(createdAt, acceptedAt ?? 0, completedAt ?? 0, ratedAt ?? 0, cancelledAt ?? 0),
      acceptedAt,
      completedAt,
      ratedAt,
      cancelledAt,
    });
    if (assignee && completedAt !== null && points !== null) award({ id, communityId, category }, assignee, points, completedAt, stars, ratedAt);
  }
}
