import { voidHold } from '../../points-ledger/holds';
import { enqueueNotification } from '../../notify';
import type { Runtime } from '../../ports';
import { releaseOrder } from '../points/release-order';
import { mapLimit } from '../../../shared/map-limit';
import { JOB_PARALLELISM, UNLIMITED, type TickBudget } from './tick-budget';

const BATCH = 100;
const CODE_RETENTION_MS = 24 * 3_600_000;

/** Scheduler: orders not picked up in time give their points and stock back; old burnt codes are forgotten. */
export async function expireOrders(runtime: Runtime, budget: TickBudget = UNLIMITED): Promise<{ expired: number }> {
  const now = runtime.clock.now();
  const [due, oldCodes] = await Promise.all([
    runtime.store.read((tx) => tx.ledger.listHoldsDue(now, BATCH)),
    runtime.store.read((tx) => tx.redemptions.hasCodesExpiredBefore(now - CODE_RETENTION_MS)),
  ]);
  const released = await mapLimit(due, JOB_PARALLELISM, (hold) => {
    if (!budget.hasTime()) return Promise.resolve(false);
    // One transaction per order, so one bad row cannot hold back the rest.
    return runtime.store.transaction(async (tx) => {
      const order = hold.ref ? await tx.redemptions.get(hold.ref) : null;
      // Every hold belongs to an order today; a stray one is still released rather than left forever.
      if (!order || order.holdId !== hold.id) return voidHold(tx, hold.id, now);
      if (!(await releaseOrder(tx, order, 'expired', now))) return false;
      await enqueueNotification(
        tx,
        { userId: order.memberId, kind: 'order_expired', title: '兑换订单已过期', body: `没有在时限内取货，${order.total} 分已退回，可重新下单。`, requestId: null },
        now,
      );
      return true;
    });
  });
  // Codes live a minute; a day later nobody can replay them anyway.
  if (oldCodes && budget.hasTime()) await runtime.store.transaction((tx) => tx.redemptions.pruneCodes(now - CODE_RETENTION_MS));
  return { expired: released.filter(Boolean).length };
}
