import type Database from 'better-sqlite3';
import { CATEGORY_LABELS, REQUEST_CATEGORIES, fitsCategory, type RequestCategory, type Urgency } from '../../shared/domain/categories';
import { CHINA_OFFSET_MS } from '../../shared/domain/china-time';
import { resolveDispatchPolicy, type DispatchPolicy } from '../../shared/domain/dispatch-policy';
import { explainRanking, rankCandidates, type DispatchCandidate } from '../../shared/domain/dispatch-ranking';
import { distanceMeters, formatDistance, type LatLng } from '../../shared/domain/geo';
import { pointsForCompletion, ratingBonusFor, resolveEarningRules, type EarningRules } from '../../shared/domain/points-rules';
import { issuanceAccountId, memberAccountId } from '../points-ledger/accounts';
import { payloadHash } from '../payload-hash';
import { seededRandom } from './random';

/** How a generated request ends up (its state at `to`, before lifelike clipping). */
export type ActivityOutcome = 'cancelled' | 'needs_manual' | 'escalated' | 'accepted' | 'completed' | 'rated';

export interface ActivityOptions {
  seed: number;
  communityIds: string[];
  /** Requests are submitted uniformly in [from, to). */
  from: number;
  to: number;
  requests: number;
  /** Only these users file requests (default: every resident of the communities who is not a member). */
  residentIds?: readonly string[];
  /** Only these approved members take them (default: every approved member of the communities). */
  memberIds?: readonly string[];
  /** Relative shares of the outcomes (those left out get none); default {@link DISTRICT_MIX}. */
  mix?: Partial<Record<ActivityOutcome, number>>;
  /**
   * Write each request as the product would have left it at `to` (demo data): the resident's own
   * contact, place and words, offers to the nearby members whose skills fit (ranked as dispatch ranks
   * them, within the offer timeout), the timeline, notes, comments and suggestion replies, every moment
   * before `to`. A request whose completion or rating would fall after `to` is still in hand or waits
   * for its rating; `accepted` ones are the last days' work. Only the outcomes cancelled, accepted,
   * completed and rated are lifelike (needs_manual and escalated would need staff to act).
   * Off (default), the rows carry only the facts statistics read: fast enough for half a million requests.
   */
  lifelike?: boolean;
}

export interface GeneratedActivity {
  requests: number;
  postings: number;
}

/** Roughly: 6% cancelled, 4% waiting for a member, 6% escalated, 10% in hand, 24% done, 50% done and rated. */
export const DISTRICT_MIX: Record<ActivityOutcome, number> = { cancelled: 0.06, needs_manual: 0.04, escalated: 0.06, accepted: 0.1, completed: 0.24, rated: 0.5 };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const OUTCOMES: readonly ActivityOutcome[] = ['cancelled', 'needs_manual', 'escalated', 'accepted', 'completed', 'rated'];
const LIFELIKE_OUTCOMES: readonly ActivityOutcome[] = ['cancelled', 'accepted', 'completed', 'rated'];

interface Resident {
  id: string;
  gridId: string | null;
  householdId: string | null;
  name: string;
  phone: string;
  address: string;
  home: LatLng | null;
}

interface Member {
  id: string;
  name: string;
  gridId: string | null;
  skills: string[];
  home: LatLng;
  households: Set<string>;
  /** [acceptedAt, completedAt or Infinity] of each task taken so far (lifelike dispatch load). */
  tasks: [number, number][];
  stars: number[];
}

interface Community {
  residents: Resident[];
  members: Member[];
  center: LatLng;
  rules: EarningRules;
  policy: DispatchPolicy;
  adminId: string | null;
}

/**
 * Months of district life written straight to the tables (statistics tests, benchmarks, the demo's
 * history): requests from residents in every state, taken by members of the same community with
 * realistic response and completion times and ratings, and for each completed one the points the
 * product would have posted under the community's earning rules (completion, and the bonus for a good
 * rating), with the same idempotency keys, so the ledger still verifies. Deterministic from `seed`.
 */
export function generateActivity(db: Database.Database, options: ActivityOptions): GeneratedActivity {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const lifelike = options.lifelike ?? false;
  const given = options.mix;
  const mix = given ? (Object.fromEntries(OUTCOMES.map((outcome) => [outcome, given[outcome] ?? 0])) as Record<ActivityOutcome, number>) : DISTRICT_MIX;
  if (lifelike) {
    for (const outcome of OUTCOMES) if (mix[outcome] > 0 && !LIFELIKE_OUTCOMES.includes(outcome)) throw new Error(`generateActivity: a lifelike history cannot have ${outcome} requests`);
  }
  const shares = OUTCOMES.map((outcome) => mix[outcome]);
  const total = shares.reduce((sum, share) => sum + share, 0);
  if (!(total > 0)) throw new Error('generateActivity needs a mix with some requests in it');
  const outcomeOf = (roll: number): ActivityOutcome => {
    let bound = 0;
    for (let index = 0; index < OUTCOMES.length; index++) {
      bound += shares[index] / total;
      if (roll < bound) return OUTCOMES[index];
    }
    return OUTCOMES[OUTCOMES.length - 1];
  };

  const communities = loadCommunities(db, options);
  const communityIds = [...communities.keys()];
  if (communityIds.length === 0) throw new Error('generateActivity needs communities with residents and members');

  const insertRequest = db.prepare(`INSERT INTO requests (id, community_id, grid_id, household_id, resident_id, filed_by, client_token, category, description, address, contact_name,
      contact_phone, lat, lng, urgency, photos, state, round, assignee_id, completion_note, rating_stars, rating_comment, points_awarded, created_at, updated_at, accepted_at, completed_at, rated_at, cancelled_at)
    VALUES (@id, @communityId, @gridId, @householdId, @residentId, @residentId, @clientToken, @category, @description, @address, @contactName,
      @contactPhone, @lat, @lng, @urgency, '[]', @state, @round, @assigneeId, @completionNote, @ratingStars, @ratingComment, @pointsAwarded, @createdAt, @updatedAt, @acceptedAt, @completedAt, @ratedAt, @cancelledAt)`);
  const account = db.prepare(`INSERT INTO accounts (id, community_id, kind, owner_id, balance, held, allow_negative) VALUES (?, ?, ?, ?, 0, 0, ?) ON CONFLICT (id) DO NOTHING`);
  const move = db.prepare('UPDATE accounts SET balance = balance + ? WHERE id = ?');
  const posting = db.prepare(`INSERT INTO postings (id, idempotency_key, community_id, debit_account_id, credit_account_id, amount, kind, ref, memo, payload_hash, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const event = db.prepare('INSERT INTO request_events (request_id, at, kind, actor_id, text) VALUES (?, ?, ?, ?, ?)');
  const offer = db.prepare(`INSERT INTO offers (request_id, member_id, round, status, score, distance_m, reasons, offered_at, expires_at, responded_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const reply = db.prepare('INSERT INTO suggestion_replies (request_id, adopted, reply, replied_by, replied_at) VALUES (?, ?, ?, ?, ?)');

  let postings = 0;
  /** The product's posting: issuance → member, keyed by what it is for, hashed as postTransfer hashes it. */
  const credit = (communityId: string, memberId: string, key: string, amount: number, kind: string, ref: string, memo: string, at: number) => {
    const issuance = issuanceAccountId(communityId);
    const member = memberAccountId(memberId);
    account.run(issuance, communityId, 'issuance', communityId, 1);
    account.run(member, communityId, 'member', memberId, 0);
    move.run(-amount, issuance);
    move.run(amount, member);
    posting.run(`p_gen_${key.replace(':', '_')}`, key, communityId, issuance, member, amount, kind, ref, memo, payloadHash(communityId, issuance, member, amount, kind, ref), at);
    postings++;
  };
  const award = (communityId: string, requestId: string, category: RequestCategory, memberId: string, points: number, completedAt: number, stars: number | null, ratedAt: number | null) => {
    credit(communityId, memberId, `request-complete:${requestId}`, points, 'task_completed', requestId, `完成求助：${CATEGORY_LABELS[category]}`, completedAt);
    const bonus = stars === null || ratedAt === null ? 0 : ratingBonusFor((communities.get(communityId) as Community).rules, stars);
    if (bonus > 0 && ratedAt !== null) credit(communityId, memberId, `rating-bonus:${requestId}`, bonus, 'rating_bonus', requestId, `居民好评（${stars} 星）`, ratedAt);
  };

  db.transaction(() => {
    if (!lifelike) {
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
        if (assignee && completedAt !== null && points !== null) award(communityId, id, category, assignee, points, completedAt, stars, ratedAt);
      }
      return;
    }

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
      if (assignee && points !== null && completedAt !== null) award(communityId, id, category, assignee.id, points, completedAt, stars, ratedAt);

      // Most suggestions get the community's answer within a few days.
      if (category === 'suggestion' && state !== 'cancelled' && community.adminId && random() < 0.8) {
        const repliedAt = Math.max(createdAt + Math.floor((1 + random() * 4) * DAY), (completedAt ?? acceptedAt ?? createdAt) + HOUR);
        if (repliedAt < options.to) {
          const adopted = random() < 0.6;
          const answer = adopted ? pick(ADOPTED_REPLIES) : pick(DECLINED_REPLIES);
          reply.run(id, adopted ? 1 : 0, answer, community.adminId, repliedAt);
          event.run(id, repliedAt, 'suggestion_replied', community.adminId, `您的建议${adopted ? '已被社区采纳' : '社区已答复'}：${answer}`);
        }
      }
    });
  })();
  return { requests: options.requests, postings };
}

function loadCommunities(db: Database.Database, options: ActivityOptions): Map<string, Community> {
  const onlyResidents = options.residentIds ? new Set(options.residentIds) : null;
  const onlyMembers = options.memberIds ? new Set(options.memberIds) : null;
  const residentsOf = db.prepare(`SELECT id, grid_id AS gridId, household_id AS householdId, name, phone, address, home_lat AS lat, home_lng AS lng FROM users
    WHERE community_id = ? AND roles LIKE '%"resident"%' AND roles NOT LIKE '%"member"%' ORDER BY id`);
  const membersOf = db.prepare(`SELECT m.user_id AS id, u.name, m.grid_id AS gridId, m.skills, m.home_lat AS lat, m.home_lng AS lng FROM members m JOIN users u ON u.id = m.user_id
    WHERE m.community_id = ? AND m.status = 'approved' ORDER BY m.user_id`);
  const linksOf = db.prepare('SELECT household_id FROM member_households WHERE member_id = ?');
  const communityRow = db.prepare('SELECT center_lat AS lat, center_lng AS lng, earning_rules AS rules, dispatch_policy AS policy FROM communities WHERE id = ?');
  const adminOf = db.prepare(`SELECT id FROM users WHERE community_id = ? AND roles LIKE '%"admin"%' ORDER BY id LIMIT 1`);
  const communities = new Map<string, Community>();
  for (const communityId of options.communityIds) {
    const residents = (residentsOf.all(communityId) as (Omit<Resident, 'home'> & { lat: number | null; lng: number | null })[])
      .filter((row) => !onlyResidents || onlyResidents.has(row.id))
      .map(({ lat, lng, ...row }) => ({ ...row, home: lat === null || lng === null ? null : { lat, lng } }));
    const members = (membersOf.all(communityId) as { id: string; name: string; gridId: string | null; skills: string; lat: number; lng: number }[])
      .filter((row) => !onlyMembers || onlyMembers.has(row.id))
      .map((row) => ({
        id: row.id,
        name: row.name,
        gridId: row.gridId,
        skills: JSON.parse(row.skills) as string[],
        home: { lat: row.lat, lng: row.lng },
        households: new Set(options.lifelike ? (linksOf.all(row.id) as { household_id: string }[]).map((link) => link.household_id) : []),
        tasks: [],
        stars: [],
      }));
    if (residents.length === 0 || members.length === 0) continue;
    const row = communityRow.get(communityId) as { lat: number; lng: number; rules: string | null; policy: string | null };
    communities.set(communityId, {
      residents,
      members,
      center: { lat: row.lat, lng: row.lng },
      rules: resolveEarningRules(row.rules ? JSON.parse(row.rules) : null),
      policy: resolveDispatchPolicy(row.policy ? JSON.parse(row.policy) : null),
      adminId: (adminOf.get(communityId) as { id: string } | undefined)?.id ?? null,
    });
  }
  return communities;
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

const DESCRIPTIONS: Record<RequestCategory, readonly string[]> = {
  repair: [
    '厨房水龙头一直滴水，关不紧',
    '卫生间下水道堵了，水下不去',
    '楼道的声控灯坏了，晚上很黑',
    '家里跳闸了，有几个插座没电',
    '热水器打不着火，麻烦帮忙看看',
    '阳台窗户合页松了，关不严',
    '马桶水箱一直漏水',
    '客厅吊灯不亮了，换了灯泡也不行',
  ],
  errand: ['帮忙去社保中心代办老年卡', '腿脚不方便，请帮忙去药店买降压药', '帮忙到社区医院取一下体检报告', '帮忙交一下水电燃气费', '帮忙代购一袋大米送到家', '帮忙去街道打印盖章一份证明'],
  policy: ['想了解高龄津贴怎么申请', '医保异地报销需要什么材料', '孩子入学需要开什么证明', '残疾人补贴的申请条件是什么', '退休人员养老金资格认证怎么办', '公租房申请需要准备哪些材料'],
  mediation: ['楼上装修噪音太大，沟通没有结果', '邻居在楼道堆放杂物，影响通行', '楼上漏水到我家，双方对赔偿有分歧', '邻居家的狗晚上一直叫，影响休息', '停车位被长期占用，协商不成'],
  care_visit: ['独居老人，希望有人上门看看', '老伴住院，家里老人需要有人照看半天', '想请人陪同去医院复查', '老人最近情绪低落，希望有人上门聊聊', '行动不便，希望有人帮忙打扫一下卫生'],
  wish: ['想请人上门理个发', '想要一台收音机听戏'],
  suggestion: ['建议在小区门口增设休息座椅', '建议增加垃圾分类的现场指导', '建议在楼道安装扶手方便老人上下楼', '小区路灯太暗，建议更换', '建议定期组织健康讲座', '建议在小区增设快递柜'],
};

const COMPLETION_NOTES: Record<RequestCategory, readonly string[]> = {
  repair: ['已更换水龙头阀芯，不再滴水', '已疏通下水道，排水正常', '已更换声控开关，灯已恢复', '已排查线路，更换了损坏的插座', '已检修热水器点火器，可以正常使用', '已紧固合页，窗户可以关严'],
  errand: ['已代办完成，材料已送到居民家中', '药已买好送到家', '报告已取回交给居民本人', '费用已缴清，收据已交给居民'],
  policy: ['已上门讲解申请流程，并列好材料清单', '已陪同到党群服务中心现场办理', '已电话解答，居民表示清楚了'],
  mediation: ['已上门与双方沟通，达成一致', '已协调物业和双方，问题解决', '已组织双方调解，签订了协议'],
  care_visit: ['已上门看望，老人身体状况良好', '已陪同就医，检查结果正常', '已上门陪老人聊天，并帮忙打扫了卫生'],
  wish: ['心愿已完成'],
  suggestion: ['已将建议转交社区两委研究', '已记录建议，并向居民说明了办理进度'],
};

const RATING_COMMENTS: Record<number, readonly string[]> = {
  5: ['来得很快，谢谢！', '服务很热心，非常满意', '问题彻底解决了，感谢党员同志', '', '很耐心，点赞'],
  4: ['挺好的，就是来得稍晚一点', '解决了，谢谢', ''],
  3: ['问题只解决了一部分', ''],
  2: ['等了挺久才来'],
  1: ['问题没有解决'],
};

const CANCEL_REASONS: readonly string[] = ['问题自己解决了', '家里人已经处理好了', '', '填错了，重新提交'];
const ADOPTED_REPLIES: readonly string[] = ['感谢建议，社区已列入本季度工作计划', '感谢建议，已协调物业落实', '感谢建议，下月起实施'];
const DECLINED_REPLIES: readonly string[] = ['感谢建议，经研究暂不具备条件，我们会持续关注', '感谢建议，此事属物业职责，已转交物业公司'];
