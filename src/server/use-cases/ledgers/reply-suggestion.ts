import type { TReplySuggestionInput } from '../../../shared/contracts/ledgers';
import { CATEGORY_BEHAVIOUR } from '../../../shared/domain/categories';
import { AppError } from '../../../shared/errors';
import { requireSameCommunity } from '../community-scope';
import { enqueueNotification } from '../../notify';
import { toDemandLine } from '../../views/demand-view';
import { loadRequest } from '../../views/request-view';
import type { ActionContext } from '../context';

/** The community answers a suggestion: adopted or not, with a reply the resident reads in the request. */
export async function replySuggestion({ runtime, caller }: ActionContext, input: TReplySuggestionInput) {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const request = await loadRequest(tx, input.requestId);
    requireSameCommunity(caller, request.communityId);
    if (!CATEGORY_BEHAVIOUR[request.category].answeredAsSuggestion) throw new AppError('VALIDATION_FAILED', '只有「意见建议」可以标记采纳');
    const reply = { requestId: request.id, adopted: input.adopted, reply: input.reply, repliedBy: caller.id, repliedAt: now };
    if (!(await tx.demand.insertReply(reply))) {
      const existing = await tx.demand.getReply(request.id);
      // A retried call with the same answer is not an error; a different second answer is.
      if (!existing || existing.adopted !== input.adopted || existing.reply !== input.reply) throw new AppError('CONFLICT', '这条建议已经答复过了');
    } else {
      const verdict = input.adopted ? '已被社区采纳' : '社区已答复';
      await tx.events.append({ requestId: request.id, at: now, kind: 'suggestion_replied', actorId: caller.id, text: `您的建议${verdict}：${input.reply}` });
      await enqueueNotification(tx, { userId: request.residentId, kind: 'suggestion_replied', title: `您的建议${verdict}`, body: input.reply, requestId: request.id }, now);
    }
    const row = await tx.demand.get(request.id);
    if (!row) throw new AppError('NOT_FOUND', '没有找到这条求助');
    return toDemandLine(tx, row);
  });
}
