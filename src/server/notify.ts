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

/** The same message to every admin and grid worker of a community (each once, even holding both roles). */
export async function notifyCommunityStaff(tx: Tx, communityId: string, notification: Omit<Notification, 'userId'>, at: number): Promise<void> {
  const staff = [...(await tx.users.listByRole(communityId, 'admin')), ...(await tx.users.listByRole(communityId, 'grid_worker'))];
  const notified = new Set<string>();
  for (const person of staff) {
    if (notified.has(person.id)) continue;
    notified.add(person.id);
    await enqueueNotification(tx, { ...notification, userId: person.id }, at);
  }
}
