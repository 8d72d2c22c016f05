import type { TApplicationView, TReviewApplicationInput } from '../../../shared/contracts/community';
import { MEMBER_KIND_LABELS } from '../../../shared/domain/community-settings';
import { AppError } from '../../../shared/errors';
import { loadMember, withRole } from '../community-scope';
import { enqueueNotification } from '../../notify';
import { toApplicationView } from '../../views/member-view';
import type { ActionContext } from '../context';

export async function reviewApplication(
  { runtime, caller }: ActionContext,
  input: TReviewApplicationInput,
): Promise<TApplicationView> {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const member = await loadMember(tx, caller, input.userId);
    const approve = input.decision === 'approve';
    const target = approve ? 'approved' : 'rejected';
    if (member.status === target && member.reviewedBy === caller.id) return toApplicationView(tx, member);
    if (member.status !== 'pending') throw new AppError('CONFLICT', '这份申请已经处理过了');

    const reviewed = { ...member, status: target, reviewNote: input.reason || null, reviewedAt: now, reviewedBy: caller.id } as const;
    await tx.members.save(reviewed);
    const user = await tx.users.getById(member.userId);
    if (!user) throw new AppError('INTERNAL', '成员资料不完整');
    if (approve) await tx.users.update(user.id, { roles: withRole(user.roles, member.kind), gridId: user.gridId ?? member.gridId });
    const label = MEMBER_KIND_LABELS[member.kind];
    await enqueueNotification(
      tx,
      {
        userId: user.id,
        kind: approve ? 'member_approved' : 'member_rejected',
        title: approve ? `${label}报到已通过` : `${label}报到未通过`,
        body: approve ? '欢迎加入！有附近居民求助时会通知您。' : `原因：${input.reason}。修改后可重新提交。`,
        requestId: null,
      },
      now,
    );
    return toApplicationView(tx, reviewed);
  });
}
