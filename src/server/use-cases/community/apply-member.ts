import type { TApplicationView, TApplyMemberInput } from '../../../shared/contracts/community';
import { MEMBER_KIND_LABELS, resolveSettings } from '../../../shared/domain/community-settings';
import { AppError } from '../../../shared/errors';
import { loadGrid } from '../community-scope';
import { enqueueNotification } from '../../notify';
import type { MemberRecord } from '../../ports';
import { toApplicationView } from '../../views/member-view';
import type { ActionContext } from '../context';

/** 双报到: a resident registers as a party member (or volunteer) of their community; an admin reviews it. */
export async function applyMember({ runtime, caller }: ActionContext, input: TApplyMemberInput): Promise<TApplicationView> {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const grid = await loadGrid(tx, caller, input.gridId);
    const community = await tx.communities.get(caller.communityId);
    const allowed = resolveSettings(community?.settings).skills;
    const unknown = input.skills.filter((skill) => !allowed.includes(skill));
    if (unknown.length > 0) throw new AppError('VALIDATION_FAILED', `本社区没有这些特长选项：${unknown.join('、')}`, [{ path: ['skills'], message: '特长不在可选范围内' }]);

    const earlier = await tx.members.get(caller.id);
    if (earlier?.status === 'approved') throw new AppError('CONFLICT', '您已通过审核，无需重复报到');
    const member: MemberRecord = {
      userId: caller.id,
      communityId: caller.communityId,
      gridId: grid.id,
      kind: input.kind,
      workUnit: input.workUnit,
      skills: [...new Set(input.skills)],
      availableHours: [...new Set(input.availableHours)],
      posts: earlier?.posts ?? [],
      status: 'pending',
      onLeave: false,
      home: input.home,
      reviewNote: null,
      appliedAt: now,
      reviewedAt: null,
      reviewedBy: null,
    };
    await tx.members.save(member);
    if (!earlier || earlier.status === 'rejected') {
      for (const admin of await tx.users.listByRole(caller.communityId, 'admin')) {
        await enqueueNotification(
          tx,
          { userId: admin.id, kind: 'member_applied', title: `新的${MEMBER_KIND_LABELS[input.kind]}报到申请`, body: `${caller.name}（${grid.name}）申请报到，请审核。`, requestId: null },
          now,
        );
      }
    }
    return toApplicationView(tx, member);
  });
}
