import type { Runtime } from '../../ports';

const BATCH = 100;
/**
 * Tries at recording a push that WeChat already took. Recording is what stops the next run from
 * pushing it again, so a passing database hiccup must not end it.
 */
const RECORD_ATTEMPTS = 3;

async function recordDelivery(runtime: Runtime, id: string, channel: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const at = runtime.clock.now();
      await runtime.store.transaction((tx) => tx.outbox.markDelivered(id, channel, at));
      return;
    } catch (error) {
      if (attempt >= RECORD_ATTEMPTS) throw error;
    }
  }
}

/** Scheduler step: pushes undelivered notifications. Delivery happens outside any transaction (it may be retried). */
export async function deliverOutbox(runtime: Runtime): Promise<{ delivered: number; failed: number }> {
  const pending = await runtime.store.read((tx) => tx.outbox.listUndelivered(BATCH));
  let delivered = 0;
  let failed = 0;
  for (const message of pending) {
    let channel: string;
    try {
      channel = await runtime.notifier.deliver(message);
    } catch (error) {
      failed++;
      runtime.log('warn', `notification ${message.id} not delivered, will retry`, error);
      continue;
    }
    try {
      await recordDelivery(runtime, message.id, channel);
      delivered++;
    } catch (error) {
      failed++;
      runtime.log('error', `notification ${message.id} went out by ${channel} but could not be recorded after ${RECORD_ATTEMPTS} tries; the next run may push it again`, error);
    }
  }
  return { delivered, failed };
}
