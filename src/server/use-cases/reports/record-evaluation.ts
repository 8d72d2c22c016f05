import type { TRecordEvaluationInput } from '../../../shared/contracts/reports';
import { EVALUATION_GRADE_LABELS } from '../../../shared/domain/evaluation';
import { parsePeriod, type Period } from '../../../shared/domain/periods';
import { AppError } from '../../../shared/errors';
import { loadApprovedMember } from '../community-scope';
import { enqueueNotification } from '../../notify';
import { evaluationRows } from './evaluation-rows';
import type { ActionContext } from '../context';

/** The admin grades one member for a period (recording again corrects it); the member is told. */
export async function recordEvaluation({ runtime, caller }: ActionContext, input: TRecordEvaluationInput) {
  const now = runtime.clock.now();
  const period = parsePeriod(input.period) as Period;
  if (period.start > now) throw new AppError('VALIDATION_FAILED', `${period.label}还没有开始，不能评价`, [{ path: ['period'], message: '周期还没有开始' }]);
  return runtime.store.transaction(async (tx) => {
    const member = await loadApprovedMember(tx, caller, input.memberId);
    const before = (await tx.evaluations.listForPeriod(caller.communityId, period.key)).find((evaluation) => evaluation.memberId === member.userId);
    await tx.evaluations.save({ communityId: caller.communityId, memberId: member.userId, period: period.key, grade: input.grade, note: input.note, evaluatedBy: caller.id, evaluatedAt: now });
    if (before?.grade !== input.grade || before.note !== input.note) {
      await enqueueNotification(
        tx,
        { userId: member.userId, kind: 'evaluation', title: `${period.label}评价：${EVALUATION_GRADE_LABELS[input.grade]}`, body: input.note || '可以在「我的服务记录」里查看。', requestId: null },
        now,
      );
    }
    const row = (await evaluationRows(tx, caller.communityId, period)).find((entry) => entry.memberId === member.userId);
    if (!row) throw new AppError('NOT_FOUND', '没有找到该党员或志愿者');
    return row;
  });
}
