import type { TRequestDetail, TEscalateRequestInput } from '../../../shared/contracts/requests';
import { resolveSettings } from '../../../shared/domain/community-settings';
import { TRANSITIONS } from '../../../shared/domain/request-state';
import { AppError } from '../../../shared/errors';
import { requireSameCommunity } from '../community-scope';
import { enqueueNotification } from '../../notify';
import { loadRequest, toRequestDetail } from '../../views/request-view';
import { openEscalationProject } from '../ledgers/escalation-project';
import type { EscalationRecord } from '../../ports';
import type { ActionContext } from '../context';

/** 吹哨: a request too big for one member goes to a department or the property company after a joint meeting. */
export async function escalateRequest({ runtime, caller }: ActionContext, input: TEscalateRequestInput): Promise<TRequestDetail> {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const request = await loadRequest(tx, input.requestId);
    requireSameCommunity(caller, request.communityId);
    const community = await tx.communities.get(request.communityId);
    if (!resolveSettings(community?.settings).departments.includes(input.department)) {
      throw new AppError('VALIDATION_FAILED', `「${input.department}」不在本社区的吹哨部门名单里，请先在设置中添加`, [{ path: ['department'], message: '部门不在名单中' }]);
    }
    if (request.state === 'escalated') throw new AppError('CONFLICT', '这条求助已经吹哨上报了');
    const moved = await tx.requests.update(request.id, TRANSITIONS.escalate.from, { state: 'escalated', roundDeadline: null, updatedAt: now });
    if (!moved) throw new AppError('CONFLICT', '这条求助当前不能吹哨上报');
    await tx.offers.closePending(request.id, 'withdrawn', now);
    const escalation: EscalationRecord = {
      requestId: request.id,
      communityId: request.communityId,
      department: input.department,
      meetingDate: input.meetingDate,
      attendees: [...new Set(input.attendees)],
      decision: input.decision,
      answer: null,
      outcome: null,
      status: 'open',
      createdBy: caller.id,
      createdAt: now,
      updatedAt: now,
    };
    await tx.escalations.save(escalation);
    await openEscalationProject(tx, request, escalation, input.targetDate, now);
    await tx.events.append({
      requestId: request.id,
      at: now,
      kind: 'escalated',
      actorId: caller.id,
      text: `社区已吹哨，移交${input.department}办理，并列入民生实事台账。${input.meetingDate} 联席会议决定：${input.decision}`,
    });
    await enqueueNotification(
      tx,
      { userId: request.residentId, kind: 'request_escalated', title: '您的求助已上报相关部门', body: `已移交${input.department}，办理进展会在求助详情里更新。`, requestId: request.id },
      now,
    );
    return toRequestDetail(tx, runtime, caller, (await tx.requests.get(request.id)) ?? request);
  });
}
