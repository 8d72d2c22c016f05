import type { TCommentDeliberationInput } from '../../../shared/contracts/deliberations';
import { votingPhase } from '../../../shared/domain/deliberation-rules';
import { AppError } from '../../../shared/errors';
import { checkCommentText } from '../../content/check-user-text';
import { newId } from '../../ids';
import { requireStatus } from './step-guard';
import { loadDeliberation, toDeliberationView } from '../../views/deliberation-view';
import type { ActionContext } from '../context';

/** 组织协商: residents discuss the proposal until voting closes. */
export async function commentDeliberation({ runtime, caller }: ActionContext, input: TCommentDeliberationInput) {
  // Neighbours read it: checked before the transaction ('review' is refused too: comments have no held store).
  await checkCommentText(runtime, caller, input.text);
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const deliberation = await loadDeliberation(tx, caller, input.deliberationId);
    requireStatus(deliberation, 'published', '发表意见');
    if (votingPhase(deliberation, now) === 'closed') throw new AppError('CONFLICT', '协商已经截止');
    await tx.deliberations.insertComment({ id: newId('dc'), deliberationId: deliberation.id, userId: caller.id, text: input.text, createdAt: now });
    return toDeliberationView(tx, runtime, caller, deliberation);
  });
}
