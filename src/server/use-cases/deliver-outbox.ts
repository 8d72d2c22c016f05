import type { Runtime } from '../ports';

const BATCH = 100;

/** Scheduler step: pushes undelivered notifications. Delivery happens outside any transaction (it may be retried). */
export async function deliverOutbox(runtime: Runtime): Promise<{ delivered: number; failed: number }> {
  const pending = await runtime.store.read((tx) => tx.outbox.listUndelivered(BATCH));
  let delivered = 0;
  let failed = 0;
  for (const message of pending) {
    try {
      const channel = await runtime.notifier.deliver(message);
      const at = runtime.clock.now();
      await runtime.store.transaction((tx) => tx.outbox.markDelivered(message.id, channel, at));
      delivered++;
    } catch (error) {
      failed++;
      runtime.log('warn', `notification ${message.id} not delivered, will retry`, error);
    }
  }
  return { delivered, failed };
}
