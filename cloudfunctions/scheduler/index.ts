import { runScheduler } from '../../src/server/use-cases/scheduler/run-scheduler';

/** Timer-triggered only: offer rounds, expired orders, forgotten duties, project reminders, outbox delivery. */
export const main = runScheduler;
