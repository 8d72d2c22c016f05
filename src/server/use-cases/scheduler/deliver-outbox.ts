import { chinaDateKey } from '../../../shared/domain/periods';
import type { OutboxRecord, PushSetupProblem, Runtime } from '../../ports';
import { mapLimit } from '../../../shared/map-limit';
import { UNLIMITED, type TickBudget } from './tick-budget';

/** Pushes in flight at once: each is a WeChat call and a few round trips, mostly waiting. */
const OUTBOX_PARALLELISM = 20;

/** Due messages one tick reads (the rest are read by the next); see `TICK_BUDGET_MS` for when it stops starting new ones. */
const BATCH = 1000;
/**
 * Tries at recording a push that WeChat already took. Recording is what stops the next run from
 * pushing it again, so a passing database hiccup must not end it.
 */
const RECORD_ATTEMPTS = 3;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/**
 * Back-off after a failed push: the wait grows with the message's age (retry at now + age, so it
 * doubles from try to try), between these bounds. A passing failure (network, WeChat busy) is tried
 * again after a minute at first; a set-up problem (missing permission, bad template) after half an
 * hour at first, at most every six hours, because it lasts until someone redeploys.
 */
export const RETRY_BOUNDS_MS = { passing: { min: MINUTE, max: HOUR }, setup: { min: 30 * MINUTE, max: 6 * HOUR } } as const;
/** A message that could not be pushed for a day stays in the in-app inbox only (where it has been all along). */
export const GIVE_UP_AFTER_MS = 24 * HOUR;
/** The kind of the admins' alarm: no subscribe template maps it, so it is never pushed itself (it could not be). */
export const PUSH_ALARM_KIND = 'push_setup_alarm';

export interface OutboxReport {
  /** Pushed or handed to the inbox, and recorded. */
  delivered: number;
  /** Not delivered this run (failed, deferred, or pushed but not recorded). */
  failed: number;
  /** Left for a later run by the back-off. */
  deferred: number;
  /** Older than a day and still failing: left to the inbox. */
  givenUp: number;
  /** Alarms put in admins' inboxes this run (at most one per admin, cause and day). */
  alarms: number;
}

/** The set-up problem an error from the notifier carries, if it carries one. */
export function pushSetupProblemOf(error: unknown): PushSetupProblem | null {
  if (typeof error !== 'object' || error === null || !('pushSetup' in error)) return null;
  const problem = (error as { pushSetup: unknown }).pushSetup;
  if (typeof problem !== 'object' || problem === null) return null;
  const { kind, code, hint } = problem as Record<string, unknown>;
  if ((kind !== 'permission' && kind !== 'configuration') || typeof hint !== 'string') return null;
  return { kind, code: typeof code === 'number' ? code : null, hint };
}

/** When a message that just failed is due again. */
export function retryAt(message: OutboxRecord, now: number, setup: boolean): number {
  const bounds = setup ? RETRY_BOUNDS_MS.setup : RETRY_BOUNDS_MS.passing;
  return now + Math.min(bounds.max, Math.max(bounds.min, now - message.createdAt));
}

/** One alarm per admin, cause and China day: the id makes a second one that day a duplicate the store refuses. */
export function alarmId(adminId: string, problem: PushSetupProblem, now: number): string {
  return `n_alarm_${chinaDateKey(now).replace(/-/g, '')}_${problem.code ?? problem.kind}_${adminId}`;
}

const isDuplicate = (error: unknown) => error instanceof Error && error.message.includes('UNIQUE constraint failed');

async function recordDelivery(runtime: Runtime, id: string, channel: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const at = runtime.clock.now();
      await runtime.store.standalone((tx) => tx.outbox.markDelivered(id, channel, at));
      return;
    } catch (error) {
      if (attempt >= RECORD_ATTEMPTS) throw error;
    }
  }
}

/** Tells the admins of the recipient's community, once a day per cause; returns how many alarms were written. */
async function alarmAdmins(runtime: Runtime, message: OutboxRecord, problem: PushSetupProblem, now: number, alarmed: Set<string>): Promise<number> {
  const user = await runtime.store.read((tx) => tx.users.getById(message.userId));
  if (!user) return 0;
  const key = `${user.communityId}|${problem.code ?? problem.kind}`;
  if (alarmed.has(key)) return 0;
  alarmed.add(key);
  const admins = await runtime.store.read((tx) => tx.users.listByRole(user.communityId, 'admin'));
  let written = 0;
  for (const admin of admins) {
    try {
      await runtime.store.transaction((tx) =>
        tx.outbox.enqueue({
          id: alarmId(admin.id, problem, now),
          userId: admin.id,
          kind: PUSH_ALARM_KIND,
          title: problem.kind === 'permission' ? '订阅消息发不出去：云调用权限未生效' : '订阅消息发不出去：配置有误',
          body: `${problem.hint} 在此之前，通知仍会出现在每个人的“消息”里，只是不推送到微信；系统每隔一段时间再试，问题未解决时每天提醒一次。`,
          requestId: null,
          createdAt: now,
          readAt: null,
          deliveredAt: null,
          channel: null,
        }),
      );
      written++;
    } catch (error) {
      if (!isDuplicate(error)) runtime.log('error', `could not write the push alarm for admin ${admin.id}`, error);
    }
  }
  return written;
}

/**
 * Scheduler step: pushes the notifications that are due. Delivery happens outside any transaction
 * (it may be retried). A failed push is deferred by its back-off, so it never holds back the rest
 * of the batch nor comes back every minute; after a day it stays in the inbox. A set-up problem
 * (the notifier's `pushSetup`) stops WeChat calls for the rest of the run, defers the remaining
 * messages with the longer back-off, and tells the community's admins.
 */
export async function deliverOutbox(runtime: Runtime, budget: TickBudget = UNLIMITED): Promise<OutboxReport> {
  const now = runtime.clock.now();
  const pending = await runtime.store.read((tx) => tx.outbox.listUndelivered(BATCH, now));
  const report: OutboxReport = { delivered: 0, failed: 0, deferred: 0, givenUp: 0, alarms: 0 };
  const alarmed = new Set<string>();
  let setup: PushSetupProblem | null = null;

  const leaveToInbox = async (message: OutboxRecord, why: string) => {
    try {
      await recordDelivery(runtime, message.id, 'inbox');
      report.givenUp++;
      runtime.log('warn', `notification ${message.id} not pushed for over a day (${why}); left in the inbox`);
    } catch (error) {
      report.failed++;
      runtime.log('error', `notification ${message.id} could not be left to the inbox`, error);
    }
  };
  const defer = async (message: OutboxRecord, setupProblem: boolean) => {
    report.failed++;
    try {
      await runtime.store.standalone((tx) => tx.outbox.deferDelivery(message.id, retryAt(message, now, setupProblem)));
      report.deferred++;
    } catch (error) {
      runtime.log('error', `notification ${message.id} could not be deferred; it is due again next run`, error);
    }
  };

  const deliverOne = async (message: OutboxRecord): Promise<void> => {
    const tooOld = now - message.createdAt >= GIVE_UP_AFTER_MS;
    if (setup) {
      // The same problem would answer every push: no more WeChat calls this run.
      if (tooOld) await leaveToInbox(message, setup.hint);
      else await defer(message, true);
      return;
    }
    let channel: string;
    try {
      channel = await runtime.notifier.deliver(message);
    } catch (error) {
      const problem = pushSetupProblemOf(error);
      if (problem) {
        setup = problem;
        runtime.log('error', `pushes stopped by a set-up problem (${problem.kind}, ${problem.code ?? 'no code'}): ${problem.hint}`, error);
        report.alarms += await alarmAdmins(runtime, message, problem, now, alarmed).catch((alarmError: unknown) => {
          runtime.log('error', 'could not alarm the admins about the push problem', alarmError);
          return 0;
        });
      } else {
        runtime.log('warn', `notification ${message.id} not delivered, will retry after a back-off`, error);
      }
      if (tooOld) await leaveToInbox(message, problem ? problem.hint : error instanceof Error ? error.message : String(error));
      else await defer(message, problem !== null);
      return;
    }
    try {
      await recordDelivery(runtime, message.id, channel);
      report.delivered++;
    } catch (error) {
      report.failed++;
      runtime.log('error', `notification ${message.id} went out by ${channel} but could not be recorded after ${RECORD_ATTEMPTS} tries; the next run may push it again`, error);
    }
  };

  // The first message goes alone: if the push set-up is broken it is the only WeChat call this run.
  // The rest go twenty at a time; any not started within the tick's budget stay due for the next tick.
  const [first, ...rest] = pending;
  if (first) await deliverOne(first);
  await mapLimit(rest, OUTBOX_PARALLELISM, async (message) => {
    if (budget.hasTime()) await deliverOne(message);
  });
  return report;
}
