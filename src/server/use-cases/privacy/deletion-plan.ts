import { AUDITED_ROLES } from '../../../shared/domain/audit';
import { DEPARTED_NAME, ERASED_TEXT, deletionRefusals } from '../../../shared/domain/privacy';
import { OPEN_STATES } from '../../../shared/domain/request-state';
import { AppError } from '../../../shared/errors';
import type { Caller, RequestEventRecord, Tx, UserRecord } from '../../ports';
import type { PersonalData } from './personal-data';

/** Whose account: the caller's own, or (an admin) a resident of their community. */
export async function deletionTarget(tx: Tx, caller: Caller, userId: string | undefined): Promise<{ user: UserRecord; self: boolean }> {
  if (!userId || userId === caller.id) return { user: caller, self: true };
  if (!caller.roles.includes('admin')) throw new AppError('FORBIDDEN', '只能注销自己的账户；居民没有手机的，请社区管理员代办');
  const user = await tx.users.getById(userId);
  if (!user || user.communityId !== caller.communityId) throw new AppError('NOT_FOUND', '没有找到这位居民');
  return { user, self: false };
}

/** Why the account cannot go yet, in Chinese, from what is held about the person; empty when it can. */
export function refusalsFor(data: PersonalData, self: boolean): string[] {
  return deletionRefusals(
    {
      staffRoles: data.user.roles.filter((role) => AUDITED_ROLES.includes(role)),
      openRequests: data.requests.filter((request) => OPEN_STATES.includes(request.state)).length,
      openTasks: data.tasks.filter((task) => OPEN_STATES.includes(task.state)).length,
      pendingOrders: data.orders.filter((order) => order.status === 'pending').length,
      onDuty: data.duties.some((duty) => duty.status === 'open'),
      upcomingActivities: data.signups.filter(({ signup, activity }) => signup.status === 'signed_up' && activity?.status === 'open').length,
    },
    self,
  );
}

/** Points that lapse with the account: what is on it and not held for an order. */
export const pointsToForfeit = (data: PersonalData) => Math.max(0, (data.account?.balance ?? 0) - (data.account?.held ?? 0));

/** The photos the person uploaded: with their requests and with the tasks they completed. */
export const uploadedPhotos = (data: PersonalData) => [...data.requests.flatMap((request) => request.photos), ...data.tasks.flatMap((task) => task.completionPhotos)];

/** A timeline entry once the person is gone: their own words go; their name, where others wrote it, becomes 已注销用户. */
export function eventRewriter(user: UserRecord): (event: RequestEventRecord) => string | null {
  const name = user.name.trim();
  return (event) => {
    if (event.actorId === user.id && (event.kind === 'cancelled' || event.kind === 'reopened' || event.kind === 'rated')) return ERASED_TEXT;
    return name.length > 0 && event.text.includes(name) ? event.text.split(name).join(DEPARTED_NAME) : null;
  };
}
