import { runScheduler } from '../../src/server/functions/run-scheduler';

/** Timer-triggered only: offer timeouts, outbox delivery (and, later, holds, check-outs, reminders). */
export const main = runScheduler;
