import { TRANSITIONS } from '../../../shared/domain/request-state';
import { AppError } from '../../../shared/errors';
import type { TRequestDetail, TRateRequestInput } from '../../../shared/contracts/requests';
import { checkCommentText } from '../../content/check-user-text';
import { earnPoints } from '../../points-ledger/earn-points';
import { enqueueNotification } from '../../notify';
import { loadEarningRules } from '../../points-ledger/earning-rules';
import { ratingBonusEarning } from '../../points-ledger/earnings';
import { toRequestDetail } from '../../views/request-view';
import type { ActionContext } from '../context';

export async function rateRequest(
  { runtime, caller }: ActionContext,
  input: TRateRequestInput,
): Promise<TRequestDetail> {
  // The member and the community read the comment: checked before the transaction.
  await checkCommentText(runtime, caller, input.comment);
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const request = await tx.requests.get(input.requestId);
    if (!request || request.residentId !== caller.id) throw new AppError('NOT_FOUND', '没有找到这条求助');
    if (request.state === 'rated') {
      if (request.ratingStars === input.stars && (request.ratingComment ?? '') === input.comment) return toRequestDetail(tx, runtime, caller, request);
      throw new AppError('CONFLICT', '您已经评价过这条求助了');
    }
    const moved = await tx.requests.update(request.id, TRANSITIONS.rate.from, {
      state: 'rated',
      ratingStars: input.stars,
      ratingComment: input.comment,
      ratedAt: now,
      updatedAt: now,
    });
    if (!moved) throw new AppError('CONFLICT', '办结之后才能评价');
    await tx.events.append({
      requestId: request.id,
      at: now,
      kind: 'rated',
      actorId: caller.id,
      text: `评价 ${input.stars} 星${input.comment ? `：${input.comment}` : ''}`,
    });
    if (request.assigneeId) {
      const rules = await loadEarningRules(tx, request.communityId);
      const bonus = ratingBonusEarning(rules, request, request.assigneeId, input.stars);
      if (bonus) await earnPoints(tx, bonus, now);
      await enqueueNotification(
        tx,
        { userId: request.assigneeId, kind: 'request_rated', title: `居民给您的服务打了 ${input.stars} 星`, body: input.comment || '感谢您的付出！', requestId: request.id },
        now,
      );
    }
    const rated = await tx.requests.get(request.id);
    return toRequestDetail(tx, runtime, caller, rated ?? request);
  });
}
