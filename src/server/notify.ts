import { newId } from './ids';
import type { Tx } from './ports';

export interface Notification {
  userId: string;
  kind: string;
  title: string;
  body: string;
  requestId: string | null;
}

/** Writes to the outbox inside the transaction; the scheduler delivers it (inbox locally, subscribe message in WeChat). */
export async function enqueueNotification(tx: Tx, notification: Notification, at: number): Promise<void> {
  await tx.outbox.enqueue({ id: newId('n'), ...notification, createdAt: at, readAt: null, deliveredAt: null, channel: null });
}
