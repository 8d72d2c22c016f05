import { AppError, type Envelope } from '../../../shared/errors';
import { getRuntime } from '../../runtime';
import { advanceOfferRounds } from './advance-offer-rounds';
import { deliverOutbox } from './deliver-outbox';
import { expireOrders } from './expire-orders';
import { closeForgottenDuties } from './close-forgotten-duties';
import { remindProjectProgress } from './remind-project-progress';
import { startTickBudget } from './tick-budget';

export interface SchedulerReport {
  rounds: { advanced: number };
  orders: { expired: number };
  duties: { closed: number };
  projects: { reminded: number; flagged: number };
  outbox: { delivered: number; failed: number };
}

export async function runScheduler(event: unknown, context?: unknown): Promise<Envelope<SchedulerReport>> {
  try {
    const runtime = getRuntime();
    if (!runtime.isTimerEvent(event, context)) throw new AppError('FORBIDDEN', '定时任务只能由定时触发器调用');
    try {
      const budget = startTickBudget();
      // The jobs touch different records, so they run side by side (an idle tick is one round trip of
      // queries); the outbox goes last, so what they enqueued is pushed in the same tick.
      const [rounds, orders, duties, projects] = await Promise.all([
        advanceOfferRounds(runtime, budget),
        expireOrders(runtime, budget),
        closeForgottenDuties(runtime, budget),
        remindProjectProgress(runtime),
      ]);
      const outbox = await deliverOutbox(runtime, budget);
      return { ok: true, data: { rounds, orders, duties, projects, outbox } };
    } catch (error) {
      runtime.log('error', 'scheduler tick failed', error);
      throw new AppError('INTERNAL', '定时任务执行失败');
    }
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toBody() };
    throw error;
  }
}
