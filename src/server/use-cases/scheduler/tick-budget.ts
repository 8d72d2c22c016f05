/**
 * How long a scheduler tick may keep starting work. The function times out at 20 s and the timer
 * fires every minute; work not started in time is left, untouched, for the next tick.
 */
export const TICK_BUDGET_MS = 12_000;

export interface TickBudget {
  /** Whether there is still time to start one more piece of work. */
  hasTime(): boolean;
}

/** A budget on the process's monotonic clock (the runtime's clock is the business time, which tests move). */
export function startTickBudget(limitMs = TICK_BUDGET_MS, elapsed: () => number = stopwatch()): TickBudget {
  return { hasTime: () => elapsed() < limitMs };
}

function stopwatch(): () => number {
  const start = performance.now();
  return () => performance.now() - start;
}

/** For callers (and tests) that run one job by itself. */
export const UNLIMITED: TickBudget = { hasTime: () => true };

/** Pieces of one job started together: on CloudBase each is a few round trips, so ten at a time keeps a tick short without flooding the database. */
export const JOB_PARALLELISM = 10;
