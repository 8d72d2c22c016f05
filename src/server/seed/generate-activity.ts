import type Database from 'better-sqlite3';
import { writeBulkHistory } from './activity/bulk';
import { createActivityContext, type ActivityOptions, type GeneratedActivity } from './activity/context';
import { writeLifelikeHistory } from './activity/lifelike';

export { DISTRICT_MIX, type ActivityOptions, type ActivityOutcome, type GeneratedActivity } from './activity/context';

/**
 * Months of district life written straight to the tables (statistics tests, benchmarks, the demo's
 * history): requests from residents in every state, taken by members of the same community with
 * realistic response and completion times and ratings, and for each completed one the points the
 * product would have posted under the community's earning rules (completion, and the bonus for a good
 * rating), with the same idempotency keys, so the ledger still verifies. Deterministic from `seed`.
 */
export function generateActivity(db: Database.Database, options: ActivityOptions): GeneratedActivity {
  const context = createActivityContext(db, options);
  db.transaction(() => (options.lifelike ? writeLifelikeHistory(context) : writeBulkHistory(context)))();
  return { requests: options.requests, postings: context.postings() };
}
