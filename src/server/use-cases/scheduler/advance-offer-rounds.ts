import { runOfferRound } from '../requests/dispatch/run-offer-round';
import { searchCandidates } from '../requests/dispatch/search-candidates';
import { mapLimit } from '../../../shared/map-limit';
import type { Runtime } from '../../ports';
import { JOB_PARALLELISM, UNLIMITED, type TickBudget } from './tick-budget';

const BATCH = 100;

/**
 * Scheduler step: every round whose offers ran out moves on to new members, or to manual dispatch.
 * Each request's candidate search reads committed data before its transaction; the transaction
 * re-checks the request (a concurrent accept wins cleanly) and offers only if the round is the one
 * searched. Rounds not started within the tick's budget stay due for the next tick.
 */
export async function advanceOfferRounds(runtime: Runtime, budget: TickBudget = UNLIMITED): Promise<{ advanced: number }> {
  const now = runtime.clock.now();
  const due = await runtime.store.read((tx) => tx.requests.listRoundsDue(now, BATCH));
  const moved = await mapLimit(due, JOB_PARALLELISM, async (request) => {
    if (!budget.hasTime()) return false;
    const search = await runtime.store.read((reader) => searchCandidates(reader, { ...request, stored: request }, now));
    return runtime.store.transaction(async (tx) => {
      const current = await tx.requests.get(request.id);
      if (!current || current.state !== 'dispatching' || current.roundDeadline === null || current.roundDeadline > now) return false;
      const expired = await tx.offers.closePending(current.id, 'expired', now);
      await tx.events.append({
        requestId: current.id,
        at: now,
        kind: 'round_expired',
        actorId: null,
        text: expired > 0 ? '上一批党员未及时接单，正在联系更多党员' : '正在联系更多党员',
      });
      await runOfferRound(tx, current, now, search.round === current.round ? search : undefined);
      return true;
    });
  });
  return { advanced: moved.filter(Boolean).length };
}
