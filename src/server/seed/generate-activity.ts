import type Database from 'better-sqlite3';
import { REQUEST_CATEGORIES } from '../../shared/domain/categories';
import { seededRandom } from './generate-district';

export interface ActivityOptions {
  seed: number;
  communityIds: string[];
  /** Requests are submitted uniformly in [from, to). */
  from: number;
  to: number;
  requests: number;
}

export interface GeneratedActivity {
  requests: number;
  postings: number;
}

const MINUTE = 60_000;
const ISSUANCE_KIND = 'task_completed';

/**
 * Months of district life written straight to the tables (statistics tests and benchmarks): requests
 * from residents in every state, taken by members of the same community with realistic response and
 * completion times and ratings, and for each completed one the points posting and balances the product
 * would have written, so the ledger still verifies. Deterministic from `seed`.
 */
export function generateActivity(db: Database.Database, options: ActivityOptions): GeneratedActivity {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const people = new Map<string, { residents: { id: string; gridId: string | null; householdId: string | null }[]; members: string[] }>();
  for (const communityId of options.communityIds) {
    const residents = db
      .prepare(`SELECT id, grid_id AS gridId, household_id AS householdId FROM users WHERE community_id = ? AND roles LIKE '%"resident"%' AND roles NOT LIKE '%"member"%' ORDER BY id`)
      .all(communityId) as { id: string; gridId: string | null; householdId: string | null }[];
    const members = (db.prepare(`SELECT user_id FROM members WHERE community_id = ? AND status = 'approved' ORDER BY user_id`).all(communityId) as { user_id: string }[]).map((row) => row.user_id);
    if (residents.length > 0 && members.length > 0) people.set(communityId, { residents, members });
  }
  const communities = [...people.keys()];
  if (communities.length === 0) throw new Error('generateActivity needs communities with residents and members');

  const insertRequest = db.prepare(`INSERT INTO requests (id, community_id, grid_id, household_id, resident_id, filed_by, client_token, category, description, address, contact_name,
      contact_phone, lat, lng, urgency, photos, state, assignee_id, rating_stars, points_awarded, created_at, updated_at, accepted_at, completed_at, rated_at, cancelled_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, '生成的历史求助', '生成地址', '居民', '13800000000', 30.6, 104.05, 'normal', '[]', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const account = db.prepare(`INSERT INTO accounts (id, community_id, kind, owner_id, balance, held, allow_negative) VALUES (?, ?, ?, ?, 0, 0, ?) ON CONFLICT (id) DO NOTHING`);
  const move = db.prepare('UPDATE accounts SET balance = balance + ? WHERE id = ?');
  const posting = db.prepare(`INSERT INTO postings (id, idempotency_key, community_id, debit_account_id, credit_account_id, amount, kind, ref, memo, payload_hash, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, '生成的历史积分', 'generated', ?)`);

  // Submitted in time order, as a live system writes them.
  const times = Float64Array.from({ length: options.requests }, () => options.from + random() * (options.to - options.from)).sort();
  let postings = 0;
  db.transaction(() => {
    for (let i = 0; i < options.requests; i++) {
      const communityId = pick(communities);
      const { residents, members } = people.get(communityId) as { residents: { id: string; gridId: string | null; householdId: string | null }[]; members: string[] };
      const resident = pick(residents);
      const createdAt = Math.floor(times[i]);
      const roll = random();
      // Roughly: 6% cancelled, 4% waiting for a member, 6% escalated, 10% in hand, 24% done, 50% done and rated.
      const state = roll < 0.06 ? 'cancelled' : roll < 0.1 ? 'needs_manual' : roll < 0.16 ? 'escalated' : roll < 0.26 ? 'accepted' : roll < 0.5 ? 'completed' : 'rated';
      const taken = state === 'accepted' || state === 'completed' || state === 'rated';
      const assignee = taken ? pick(members) : null;
      const acceptedAt = taken ? createdAt + Math.floor((2 + random() * random() * 600) * MINUTE) : null;
      const completedAt = acceptedAt !== null && state !== 'accepted' ? acceptedAt + Math.floor((20 + random() * 2_000) * MINUTE) : null;
      const stars = state === 'rated' ? (random() < 0.8 ? 5 : 1 + Math.floor(random() * 4)) : null;
      const ratedAt = stars !== null && completedAt !== null ? completedAt + 60 * MINUTE : null;
      const cancelledAt = state === 'cancelled' ? createdAt + 30 * MINUTE : null;
      const points = completedAt !== null ? 5 + Math.floor(random() * 10) : null;
      const id = `r_gen_${options.seed}_${i}`;
      const category = pick(REQUEST_CATEGORIES);
      const updatedAt = Math.max(createdAt, acceptedAt ?? 0, completedAt ?? 0, ratedAt ?? 0, cancelledAt ?? 0);
      insertRequest.run(id, communityId, resident.gridId, resident.householdId, resident.id, resident.id, `gen${i}`, category, state, assignee, stars, points, createdAt, updatedAt, acceptedAt, completedAt, ratedAt, cancelledAt);
      if (assignee && completedAt !== null && points !== null) {
        const issuance = `issuance:${communityId}`;
        const member = `member:${assignee}`;
        account.run(issuance, communityId, 'issuance', communityId, 1);
        account.run(member, communityId, 'member', assignee, 0);
        move.run(-points, issuance);
        move.run(points, member);
        posting.run(`p_gen_${options.seed}_${i}`, `task:${id}`, communityId, issuance, member, points, ISSUANCE_KIND, id, completedAt);
        postings++;
      }
    }
  })();
  return { requests: options.requests, postings };
}
