import { CATEGORY_BEHAVIOUR, CATEGORY_LABELS, fitsCategory, type RequestCategory, type Urgency } from '../../../shared/domain/categories';
import { CHINA_OFFSET_MS } from '../../../shared/domain/china-time';
import { explainRanking, rankCandidates, type DispatchCandidate } from '../../../shared/domain/dispatch-ranking';
import { distanceMeters, formatDistance, type LatLng } from '../../../shared/domain/geo';
import { pointsForCompletion } from '../../../shared/domain/points-rules';
import { DAY, HOUR, MINUTE, type ActivityContext, type ActivityOutcome, type Community, type Member } from './context';
import { ADOPTED_REPLIES, CANCEL_REASONS, COMPLETION_NOTES, DECLINED_REPLIES, DESCRIPTIONS, RATING_COMMENTS } from './phrases';

/**
 * Each request as the product would have left it at `to` (the demo's history): offers ranked as dispatch
 * ranks them, the timeline, notes, comments and suggestion replies, every moment before `to`.
 */
export function writeLifelikeHistory(context: ActivityContext): void {
  const { db, options, random, pick, outcomeOf, communities, communityIds, insertRequest, award } = context;
  const event = db.prepare('INSERT INTO request_events (request_id, at, kind, actor_id, text) VALUES (?, ?, ?, ?, ?)');
  const offer = db.prepare(`INSERT INTO offers (request_id, member_id, round, status, score, distance_m, reasons, offered_at, expires_at, responded_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const reply = db.prepare('INSERT INTO suggestion_replies (request_id, adopted, reply, replied_by, replied_at) VALUES (?, ?, ?, ?, ?)');

  // Lifelike: outcomes first (in-hand requests are the last days' work), then each request in time order,
  // so dispatch sees every member's load and recent work as it was at that moment.
  const planned = Array.from({ length: options.requests }, (_, index) => {
    const outcome = outcomeOf(random());
    const end = options.to - 30 * MINUTE;
    const start = outcome === 'accepted' ? Math.max(options.from, end - 4 * DAY) : options.from;
    return { index, outcome, createdAt: daytime(start + random() * (end - start), random, start, end) };
  }).sort((a, b) => a.createdAt - b.createdAt || a.index - b.index);

  planned.forEach(({ outcome, createdAt }, i) => {
    const communityId = pick(communityIds);
    const community = communities.get(communityId) as Community;
    const resident = pick(community.residents);
    const category = pickWeighted(LIFELIKE_CATEGORIES, random);
    const urgency: Urgency = (category === 'repair' || category === 'care_visit') && random() < 0.15 ? 'urgent' : 'normal';
    const location = jitter(resident.home ?? community.center, random);
    const id = `r_gen_${options.seed}_${i}`;
    const label = CATEGORY_LABELS[category];

    // Dispatch as the product does: the first radius with fitting members, the best few of them offered at once.
    const offered = offerRound(community, { category, gridId: resident.gridId, householdId: resident.householdId, location }, createdAt);
    const timeout = community.policy.offerTimeoutMinutes[urgency];
    const offeredAt = createdAt;
    const expiresAt = offeredAt + timeout * MINUTE;

    let state: ActivityOutcome = outcome;
    let assignee: Member | null = null;
    let acceptedAt: number | null = null;
    let completedAt: number | null = null;
    let ratedAt: number | null = null;
    let cancelledAt: number | null = null;
    let stars: number | null = null;
    // (With nobody fitting in reach the product would hand it to staff; a lifelike history has no such
    // backlog, so the resident is taken to have withdrawn it.)
    if (outcome === 'cancelled' || offered.members.length === 0) {
      state = 'cancelled';
      cancelledAt = createdAt + Math.floor((1 + random() * (timeout - 2)) * MINUTE);
    } else {
      // Whoever answered first, within the offer's time; the best ranked answer most often.
      const roll = random();
      assignee = offered.members[roll < 0.55 || offered.members.length === 1 ? 0 : roll < 0.85 || offered.members.length === 2 ? 1 : 2];
      acceptedAt = createdAt + Math.floor((0.5 + random() * (timeout - 1.5)) * MINUTE);
      if (outcome !== 'accepted') {
        completedAt = acceptedAt + Math.floor(COMPLETION_HOURS[category] * (0.2 + random() * random() * 2) * HOUR);
        if (completedAt >= options.to) completedAt = null;
      }
      if (completedAt !== null && outcome === 'rated') {
        stars = starsOf(random());
        ratedAt = completedAt + Math.floor((10 + random() * random() * 2 * 24 * 60) * MINUTE);
        if (ratedAt >= options.to) {
          stars = null;
          ratedAt = null;
        }
      }
      state = completedAt === null ? 'accepted' : ratedAt === null ? 'completed' : 'rated';
      assignee.tasks.push([acceptedAt, completedAt ?? Number.POSITIVE_INFINITY]);
      if (stars !== null) assignee.stars.push(stars);
    }

    const points = assignee && completedAt !== null ? pointsForCompletion(community.rules, category, urgency) : null;
    const completionNote = completedAt !== null ? pick(COMPLETION_NOTES[category]) : null;
    const ratingComment = stars !== null ? pick(RATING_COMMENTS[stars]) : null;
    const updatedAt = Math.max(createdAt, acceptedAt ?? 0, completedAt ?? 0, ratedAt ?? 0, cancelledAt ?? 0);
    insertRequest.run({
      id,
      communityId,
      gridId: resident.gridId,
      householdId: resident.householdId,
      residentId: resident.id,
      clientToken: `gen${i}`,
      category,
      description: pick(DESCRIPTIONS[category]),
      address: resident.address || '社区内',
      contactName: resident.name,
      contactPhone: resident.phone,
      lat: location.lat,
      lng: location.lng,
      urgency,
      state,
      round: offered.members.length > 0 ? offered.round : 0,
      assigneeId: assignee?.id ?? null,
      completionNote,
      ratingStars: stars,
      ratingComment,
      pointsAwarded: points,
      createdAt,
      updatedAt,
      acceptedAt,
      completedAt,
      ratedAt,
      cancelledAt,
    });

    // The timeline and the offers, in the product's words.
    event.run(id, createdAt, 'submitted', resident.id, `提交了求助：${label}`);
    if (offered.members.length > 0) {
      event.run(id, offeredAt, 'offered', null, `已推送给 ${offered.members.length} 位附近的党员（${formatDistance(offered.radiusM)} 内），等待接单`);
      const respondedAt = acceptedAt ?? (cancelledAt as number);
      offered.members.forEach((member, rank) => {
        const status = member === assignee ? 'accepted' : 'withdrawn';
        offer.run(id, member.id, offered.round, status, offered.scores[rank], offered.distances[rank], offered.reasons[rank], offeredAt, expiresAt, respondedAt);
      });
    }
    if (cancelledAt !== null) {
      const reason = pick(CANCEL_REASONS);
      event.run(id, cancelledAt, 'cancelled', resident.id, reason ? `居民已取消：${reason}` : '居民已取消');
    }
    if (assignee && acceptedAt !== null) event.run(id, acceptedAt, 'accepted', assignee.id, `${assignee.name} 已接单，将尽快与您联系`);
    if (assignee && completedAt !== null) event.run(id, completedAt, 'completed', assignee.id, `${assignee.name} 已办结：${completionNote}`);
    if (stars !== null && ratedAt !== null) event.run(id, ratedAt, 'rated', resident.id, `评价 ${stars} 星${ratingComment ? `：${ratingComment}` : ''}`);
    if (assignee && points !== null && completedAt !== null) award({ id, communityId, category }, assignee.id, points, completedAt, stars, ratedAt);

    // Most suggestions get the community's answer within a few days.
    if (CATEGORY_BEHAVIOUR[category].answeredAsSuggestion && state !== 'cancelled' && community.adminId && random() < 0.8) {
      const repliedAt = Math.max(createdAt + Math.floor((1 + random() * 4) * DAY), (completedAt ?? acceptedAt ?? createdAt) + HOUR);
      if (repliedAt < options.to) {
        const adopted = random() < 0.6;
        const answer = adopted ? pick(ADOPTED_REPLIES) : pick(DECLINED_REPLIES);
        reply.run(id, adopted ? 1 : 0, answer, community.adminId, repliedAt);
        event.run(id, repliedAt, 'suggestion_replied', community.adminId, `您的建议${adopted ? '已被社区采纳' : '社区已答复'}：${answer}`);
      }
    }
  });
}

interface Round {
  round: number;
  radiusM: number;
  members: Member[];
  scores: number[];
  distances: number[];
  reasons: string[];
}

/** One offer round as `runOfferRound` makes it, over the generated members and their load at `now`. */
function offerRound(community: Community, target: { category: RequestCategory; gridId: string | null; householdId: string | null; location: LatLng }, now: number): Round {
  const { policy } = community;
  const byId = new Map(community.members.map((member) => [member.id, member]));
  for (let round = 1; round <= policy.radiusStepsM.length; round++) {
    const radiusM = policy.radiusStepsM[round - 1];
    const candidates: DispatchCandidate[] = [];
    for (const member of community.members) {
      if (!fitsCategory(target.category, member.skills) || distanceMeters(target.location, member.home) > radiusM) continue;
      const openTasks = member.tasks.filter(([accepted, completed]) => accepted <= now && completed > now).length;
      if (openTasks >= policy.openTaskCap) continue;
      candidates.push({
        memberId: member.id,
        name: member.name,
        gridId: member.gridId,
        home: member.home,
        skills: member.skills,
        openTasks,
        tasksLast30Days: member.tasks.filter(([accepted]) => accepted >= now - 30 * DAY && accepted <= now).length,
        averageRating: member.stars.length === 0 ? null : member.stars.reduce((sum, stars) => sum + stars, 0) / member.stars.length,
        linkedToHousehold: target.householdId !== null && member.households.has(target.householdId),
      });
    }
    if (candidates.length === 0) continue;
    const ranked = rankCandidates(target, candidates, policy.weights, policy.batchSize);
    return {
      round,
      radiusM,
      members: ranked.map((candidate) => byId.get(candidate.memberId) as Member),
      scores: ranked.map((candidate) => candidate.score),
      distances: ranked.map((candidate) => candidate.distanceM),
      reasons: ranked.map((candidate) => explainRanking(candidate)),
    };
  }
  return { round: 0, radiusM: 0, members: [], scores: [], distances: [], reasons: [] };
}

/** The same day, between 07:00 and 21:00 China time (people ask for help while awake), kept inside [start, end). */
function daytime(at: number, random: () => number, start: number, end: number): number {
  const dayStart = Math.floor((at + CHINA_OFFSET_MS) / DAY) * DAY - CHINA_OFFSET_MS;
  const moved = dayStart + Math.floor((7 + random() * 14) * HOUR);
  return moved >= start && moved < end ? moved : Math.floor(at);
}

/** A few metres around a home, as a phone's position is. */
function jitter(point: LatLng, random: () => number): LatLng {
  return { lat: Math.round((point.lat + (random() - 0.5) * 0.0002) * 1e6) / 1e6, lng: Math.round((point.lng + (random() - 0.5) * 0.0002) * 1e6) / 1e6 };
}

function pickWeighted<T>(weighted: readonly [T, number][], random: () => number): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [item, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return weighted[weighted.length - 1][0];
}

function starsOf(roll: number): number {
  return roll < 0.72 ? 5 : roll < 0.92 ? 4 : roll < 0.97 ? 3 : roll < 0.99 ? 2 : 1;
}

/** A community's mix of requests (微心愿 is left out: completing one needs a photo the generator cannot store). */
const LIFELIKE_CATEGORIES: readonly [RequestCategory, number][] = [
  ['repair', 30],
  ['errand', 20],
  ['care_visit', 15],
  ['policy', 14],
  ['mediation', 8],
  ['suggestion', 13],
];

/** Typical hours from acceptance to completion. */
const COMPLETION_HOURS: Record<RequestCategory, number> = { repair: 3, errand: 6, policy: 2, mediation: 24, care_visit: 5, wish: 48, suggestion: 24 };

