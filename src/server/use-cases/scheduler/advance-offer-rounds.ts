import { runOfferRound } from '../requests/dispatch/run-offer-round';
import type { Runtime } from '../../ports';

const BATCH = 50;

/** Scheduler step: every round whose offers ran out moves on to new members, or to manual dispatch. */
export async function advanceOfferRounds(runtime: Runtime): Promise<{ advanced: number }> {
  const now = runtime.clock.now();
  const due = await runtime.store.read((tx) => tx.requests.listRoundsDue(now, BATCH));
  let advanced = 0;
  for (const { id } of due) {
    // One transaction per request, re-checked inside, so a concurrent accept wins cleanly.
    const moved = await runtime.store.transaction(async (tx) => {
      const request = await tx.requests.get(id);
      if (!request || request.state !== 'dispatching' || request.roundDeadline === null || request.roundDeadline > now) return false;
      const expired = await tx.offers.closePending(request.id, 'expired', now);
      await tx.events.append({
        requestId: request.id,
        at: now,
        kind: 'round_expired',
        actorId: null,
        text: expired > 0 ? '上一批党员未及时接单，正在联系更多党员' : '正在联系更多党员',
      });
      await runOfferRound(tx, request, now);
      return true;
    });
    if (moved) advanced++;
  }
  return { advanced };
}
