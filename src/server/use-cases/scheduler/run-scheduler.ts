import { AppError, type Envelope } from '../../../shared/errors';
import { getRuntime } from '../../runtime';
import { advanceOfferRounds } from './advance-offer-rounds';
import { deliverOutbox } from './deliver-outbox';
import { expireOrders } from './expire-orders';
import { closeForgottenDuties } from './close-forgotten-duties';
import { remindProjectProgress } from './remind-project-progress';

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
      const rounds = await advanceOfferRounds(runtime);
      const orders = await expireOrders(runtime);
      const duties = await closeForgottenDuties(runtime);
      const projects = await remindProjectProgress(runtime);
      const outbox = await deliverOutbox(runtime);
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
