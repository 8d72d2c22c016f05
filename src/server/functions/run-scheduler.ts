import { AppError, type Envelope } from '../../shared/errors';
import { getRuntime } from '../runtime';
import { advanceOfferRounds } from '../use-cases/advance-offer-rounds';
import { deliverOutbox } from '../use-cases/deliver-outbox';

export interface SchedulerReport {
  rounds: { advanced: number };
  outbox: { delivered: number; failed: number };
}

export async function runScheduler(event: unknown, context?: unknown): Promise<Envelope<SchedulerReport>> {
  const runtime = getRuntime();
  if (!runtime.isTimerEvent(event, context)) {
    return { ok: false, error: new AppError('FORBIDDEN', '定时任务只能由定时触发器调用').toBody() };
  }
  try {
    const rounds = await advanceOfferRounds(runtime);
    const outbox = await deliverOutbox(runtime);
    return { ok: true, data: { rounds, outbox } };
  } catch (error) {
    runtime.log('error', 'scheduler tick failed', error);
    return { ok: false, error: { code: 'INTERNAL', message: '定时任务执行失败' } };
  }
}
