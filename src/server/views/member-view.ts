import type { TApplicationView } from '../../shared/contracts/community';
import { AppError } from '../../shared/errors';
import type { MemberRecord, Tx } from '../ports';

export async function toApplicationView(tx: Tx, member: MemberRecord): Promise<TApplicationView> {
  const user = await tx.users.getById(member.userId);
  if (!user) throw new AppError('INTERNAL', '成员资料不完整');
  const grid = member.gridId ? await tx.communities.getGrid(member.gridId) : null;
  return {
    userId: member.userId,
    name: user.name,
    phone: user.phone,
    kind: member.kind,
    workUnit: member.workUnit,
    skills: member.skills,
    home: member.home,
    gridId: member.gridId,
    gridName: grid?.name ?? null,
    availableHours: member.availableHours,
    posts: member.posts,
    status: member.status,
    onLeave: member.onLeave,
    reviewNote: member.reviewNote,
    appliedAt: new Date(member.appliedAt).toISOString(),
    linkedHouseholds: (await tx.members.linkedHouseholdIds(member.userId)).length,
  };
}

export async function toApplicationViews(tx: Tx, members: readonly MemberRecord[]): Promise<TApplicationView[]> {
  const views: TApplicationView[] = [];
  for (const member of members) views.push(await toApplicationView(tx, member));
  return views;
}
