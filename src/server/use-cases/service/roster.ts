import type { TRoster } from '../../../shared/contracts/service';
import { attendanceOf } from '../../../shared/domain/service-rules';
import type { ActivityRecord, Tx } from '../../ports';
import { toActivityView, toSignupView } from '../../views/service-view';

/** Everyone who signed up, with the mark they have (or would get if the activity were completed now). */
export async function buildRoster(tx: Tx, activity: ActivityRecord): Promise<TRoster> {
  const signups = (await tx.service.listSignups(activity.id)).filter((signup) => signup.status !== 'cancelled');
  const people = new Map((await tx.users.listByIds(signups.map((signup) => signup.memberId))).map((user) => [user.id, user]));
  return {
    activity: toActivityView(activity, null),
    entries: signups.map((signup) => ({
      ...toSignupView(signup),
      attendance: signup.attendance ?? attendanceOf(activity, signup),
      memberId: signup.memberId,
      name: people.get(signup.memberId)?.name ?? '',
      phone: people.get(signup.memberId)?.phone ?? '',
    })),
  };
}
