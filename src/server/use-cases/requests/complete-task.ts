import { CATEGORY_BEHAVIOUR } from '../../../shared/domain/categories';
import { TRANSITIONS } from '../../../shared/domain/request-state';
import { AppError } from '../../../shared/errors';
import type { TRequestDetail, TCompleteTaskInput } from '../../../shared/contracts/requests';
import { checkCommentText } from '../../content/check-user-text';
import { memberAccountId } from '../../points-ledger/accounts';
import { postTransfer } from '../../points-ledger/post-transfer';
import { loadEarningRules } from '../../points-ledger/earning-rules';
import { enqueueNotification } from '../../notify';
import { toRequestDetail } from '../../views/request-view';
import { checkPhotosExist } from '../check-photos';
import type { ActionContext } from '../context';
import { earningTransfer } from '../../points-ledger/earn-points';
import { completionEarning, completionPoints, ledgerKeys } from '../../points-ledger/earnings';

export interface CompleteTaskResult {
  request: TRequestDetail;
  pointsAwarded: number;
  balance: number;
}

export async function completeTask(
  { runtime, caller }: ActionContext,
  input: TCompleteTaskInput,
): Promise<CompleteTaskResult> {
  await checkPhotosExist(runtime.files, input.photos, 'photos');
  // The resident reads the note: checked before the transaction.
  await checkCommentText(runtime, caller, input.note);
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const [request, earned] = await Promise.all([tx.requests.get(input.requestId), tx.ledger.findPostingByKey(ledgerKeys.taskCompleted(input.requestId))]);
    if (!request) throw new AppError('NOT_FOUND', '没有找到这条求助');
    if (request.assigneeId !== caller.id) throw new AppError('FORBIDDEN', '只有接单的党员可以办结这条求助');
    if (CATEGORY_BEHAVIOUR[request.category].photoToFinish && input.photos.length === 0 && request.state === 'accepted') {
      throw new AppError('VALIDATION_FAILED', '请上传一张完成心愿的照片', [{ path: ['photos'], message: '请上传照片' }]);
    }

    const alreadyDone = request.state === 'completed' || request.state === 'rated';
    if (!alreadyDone) {
      if (request.state !== 'accepted') throw new AppError('CONFLICT', '这条求助当前不能办结');
      // A request earns its completion points once: done again after a reopen, it keeps what it earned the first time.
      const points = earned ? earned.amount : completionPoints(await loadEarningRules(tx, request.communityId), request);
      const moved = await tx.requests.update(request.id, TRANSITIONS.complete.from, {
        state: 'completed',
        completionNote: input.note,
        completionPhotos: input.photos,
        completedAt: now,
        pointsAwarded: points,
        updatedAt: now,
      });
      if (!moved) throw new AppError('CONFLICT', '这条求助当前不能办结');
      await tx.events.append({ requestId: request.id, at: now, kind: 'completed', actorId: caller.id, text: `${caller.name} 已办结：${input.note}` });
      await enqueueNotification(
        tx,
        { userId: request.residentId, kind: 'request_completed', title: '您的求助已办结', body: `${caller.name} 已办结，请为这次服务打分。`, requestId: request.id },
        now,
      );
    }

    const done = await tx.requests.get(request.id);
    if (!done || done.pointsAwarded === null) throw new AppError('INTERNAL', '办结后读取求助失败');
    // Keyed by the request: a retried completion posts once. What this completion earned is what was
    // posted at its time; a completion after a reopen earns nothing more (and says so).
    let pointsAwarded = 0;
    if (!earned && done.pointsAwarded > 0) {
      await postTransfer(tx, earningTransfer(completionEarning(request, caller.id, done.pointsAwarded), done.pointsAwarded), done.completedAt ?? now);
      pointsAwarded = done.pointsAwarded;
    } else if (earned && earned.createdAt === done.completedAt && earned.creditAccountId === memberAccountId(caller.id)) {
      pointsAwarded = earned.amount;
    }
    const account = await tx.ledger.getAccount(memberAccountId(caller.id));
    return {
      request: await toRequestDetail(tx, runtime, caller, done),
      pointsAwarded,
      balance: account?.balance ?? 0,
    };
  });
}
