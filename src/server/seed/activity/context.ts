import type Database from 'better-sqlite3';
import type { RequestCategory } from '../../../shared/domain/categories';
import { resolveDispatchPolicy, type DispatchPolicy } from '../../../shared/domain/dispatch-policy';
import type { LatLng } from '../../../shared/domain/geo';
import { resolveEarningRules, type EarningRules } from '../../../shared/domain/points-rules';
import { createBulkPostingWriter } from '../../adapters/sqlite/ledger-repo';
import { earningTransfer } from '../../points-ledger/earn-points';
import { completionEarning, ratingBonusEarning } from '../../points-ledger/earnings';
import { buildPosting } from '../../points-ledger/post-transfer';
import { seededRandom } from '../random';

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

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const OUTCOMES: readonly ActivityOutcome[] = ['cancelled', 'needs_manual', 'escalated', 'accepted', 'completed', 'rated'];
const LIFELIKE_OUTCOMES: readonly ActivityOutcome[] = ['cancelled', 'accepted', 'completed', 'rated'];

export interface Resident {
  id: string;
  gridId: string | null;
  householdId: string | null;
  name: string;
  phone: string;
  address: string;
  home: LatLng | null;
}

export interface Member {
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

export interface Community {
  residents: Resident[];
  members: Member[];
  center: LatLng;
  rules: EarningRules;
  policy: DispatchPolicy;
  adminId: string | null;
}

/** What both kinds of history share: the options, the seeded dice, the communities and the writers. */
export interface ActivityContext {
  db: Database.Database;
  options: ActivityOptions;
  random: () => number;
  pick: <T>(items: readonly T[]) => T;
  outcomeOf: (roll: number) => ActivityOutcome;
  communities: Map<string, Community>;
  communityIds: string[];
  insertRequest: Database.Statement;
  /** Posts what the product would have for a completed (and maybe rated) request, under the same keys. */
  award: (request: { id: string; communityId: string; category: RequestCategory }, memberId: string, points: number, completedAt: number, stars: number | null, ratedAt: number | null) => void;
  /** Postings written so far. */
  postings: () => number;
}

export function createActivityContext(db: Database.Database, options: ActivityOptions): ActivityContext {
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
  const post = createBulkPostingWriter(db);
  let postings = 0;
  const credit = (earning: Parameters<typeof earningTransfer>[0], at: number) => {
    const transfer = earningTransfer(earning, earning.amount);
    post(buildPosting(transfer, at, `p_gen_${earning.idempotencyKey.replace(':', '_')}`), transfer.from, transfer.to);
    postings++;
  };
  const award: ActivityContext['award'] = (request, memberId, points, completedAt, stars, ratedAt) => {
    credit(completionEarning(request, memberId, points), completedAt);
    if (stars === null || ratedAt === null) return;
    const bonus = ratingBonusEarning((communities.get(request.communityId) as Community).rules, request, memberId, stars);
    if (bonus) credit(bonus, ratedAt);
  };
  return { db, options, random, pick, outcomeOf, communities, communityIds, insertRequest, award, postings: () => postings };
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
