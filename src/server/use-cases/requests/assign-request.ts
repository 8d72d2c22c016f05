import type { TRequestDetail, TAssignRequestInput } from '../../../shared/contracts/requests';
import { explainRanking, rankCandidates } from '../../../shared/domain/dispatch-ranking';
import { resolveDispatchPolicy } from '../../../shared/domain/dispatch-policy';
import { TRANSITIONS } from '../../../shared/domain/request-state';
import { AppError } from '../../../shared/errors';
import { loadApprovedMember, requireSameCommunity } from '../community-scope';
import { enqueueNotification } from '../../notify';
import { loadRequest, toRequestDetail } from '../../views/request-view';
import type { ActionContext } from '../context';

/** Manual dispatch (派单): staff give the request to a member, or move it from one member to another. */
export async function assignRequest({ runtime, caller }: ActionContext, input: TAssignRequestInput): Promise<TRequestDetail> {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const request = await loadRequest(tx, input.requestId);
    requireSameCommunity(caller, request.communityId);
    const member = await loadApprovedMember(tx, caller, input.memberId);
    if (member.userId === request.residentId) throw new AppError('VALIDATION_FAILED', '不能把求助指派给求助人自己');
    if (request.assigneeId === member.userId) return toRequestDetail(tx, runtime, caller, request);
    if (!TRANSITIONS.assign.from.includes(request.state)) throw new AppError('CONFLICT', '这条求助当前不能指派');

    const user = await tx.users.getById(member.userId);
    if (!user) throw new AppError('INTERNAL', '成员资料不完整');
    const previousId = request.assigneeId;
    const moved = await tx.requests.update(request.id, [request.state], {
      state: 'accepted',
      assigneeId: member.userId,
      acceptedAt: now,
      roundDeadline: null,
      updatedAt: now,
    });
    if (!moved) throw new AppError('CONFLICT', '求助状态已变化，请刷新后重试');

    const community = await tx.communities.get(request.communityId);
    const [ranked] = rankCandidates(
      { category: request.category, gridId: request.gridId, location: request.location },
      [{ memberId: member.userId, name: user.name, gridId: member.gridId, home: member.home, skills: member.skills, openTasks: 0, tasksLast30Days: 0, averageRating: null, linkedToHousehold: false }],
      resolveDispatchPolicy(community?.dispatchPolicy).weights,
    );
    await tx.offers.closePending(request.id, 'withdrawn', now);
    if (previousId) await tx.offers.updateStatus(request.id, previousId, ['accepted'], 'withdrawn', now);
    await tx.offers.save({
      requestId: request.id,
      memberId: member.userId,
      round: request.round,
      status: 'accepted',
      score: ranked.score,
      distanceM: ranked.distanceM,
      reasons: `社区指派 · ${explainRanking(ranked)}`,
      offeredAt: now,
      expiresAt: now,
      respondedAt: now,
    });
    const note = input.note ? `（${input.note}）` : '';
    await tx.events.append({ requestId: request.id, at: now, kind: 'assigned', actorId: caller.id, text: `社区已指派 ${user.name} 办理${note}` });
    await enqueueNotification(
      tx,
      { userId: member.userId, kind: 'task_assigned', title: '社区给您指派了一条求助', body: `${caller.name}指派${note}，请尽快联系居民。`, requestId: request.id },
      now,
    );
    if (previousId) {
      await enqueueNotification(tx, { userId: previousId, kind: 'task_reassigned', title: '求助已改派他人', body: '社区已把这条求助改派给其他党员，您无需再处理。', requestId: request.id }, now);
    }
    await enqueueNotification(tx, { userId: request.residentId, kind: 'request_accepted', title: '您的求助已有人负责', body: `${user.name}（${user.phone}）将与您联系。`, requestId: request.id }, now);
    return toRequestDetail(tx, runtime, caller, (await tx.requests.get(request.id)) ?? request);
  });
}
