import type { TRequestDetail, TReopenRequestInput } from '../../../shared/contracts/requests';
import { REOPEN_WINDOW_DAYS, TRANSITIONS } from '../../../shared/domain/request-state';
import { AppError } from '../../../shared/errors';
import { checkCommentText } from '../../content/check-user-text';
import { offerToPreviousMember } from './dispatch/offer-to-previous-member';
import { toRequestDetail } from '../../views/request-view';
import type { ActionContext } from '../context';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The resident says a completed request is not solved (within 7 days): it goes back to the same member first. */
export async function reopenRequest({ runtime, caller }: ActionContext, input: TReopenRequestInput): Promise<TRequestDetail> {
  // The member asked again reads the reason: checked before the transaction.
  await checkCommentText(runtime, caller, input.reason);
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const request = await tx.requests.get(input.requestId);
    if (!request || request.residentId !== caller.id) throw new AppError('NOT_FOUND', '没有找到这条求助');
    if (!TRANSITIONS.reopen.from.includes(request.state)) throw new AppError('CONFLICT', '只有已办结的求助才能重新办理');
    if (now - (request.completedAt ?? 0) > REOPEN_WINDOW_DAYS * DAY_MS) {
      throw new AppError('CONFLICT', `办结已超过 ${REOPEN_WINDOW_DAYS} 天，请重新提交一条求助`);
    }
    const moved = await tx.requests.update(request.id, TRANSITIONS.reopen.from, {
      state: 'reopened',
      previousAssigneeId: request.assigneeId,
      assigneeId: null,
      reopenedAt: now,
      ratingStars: null,
      ratingComment: null,
      ratedAt: null,
      updatedAt: now,
    });
    if (!moved) throw new AppError('CONFLICT', '求助状态已变化，请刷新后重试');
    await tx.events.append({ requestId: request.id, at: now, kind: 'reopened', actorId: caller.id, text: `居民反映还没有解决：${input.reason}` });
    const reopened = await tx.requests.get(request.id);
    if (!reopened) throw new AppError('INTERNAL', '重新办理后读取求助失败');
    await offerToPreviousMember(tx, reopened, now);
    return toRequestDetail(tx, runtime, caller, (await tx.requests.get(request.id)) ?? reopened);
  });
}
