import type { z } from 'zod';
import type { TDeletionCheck, zCheckDeletionInput } from '../../../shared/contracts/privacy';
import type { ActionContext } from '../context';
import { deletionTarget, pointsToForfeit, refusalsFor } from './deletion-plan';
import { collectPersonalData } from './personal-data';

const ERASED = ['称呼、手机号、地址和位置', '您上传的照片', '您写的求助内容、评价和留言', '党员报到信息和授权记录', '发给您的消息'];
const KEPT = ['积分流水、求助办理记录、值守和活动签到记录，只显示为“已注销用户”，社区的台账和统计仍然对得上'];

/** What deleting the account would do, or what must be settled first: the confirmation page shows it. */
export async function checkDeletion({ runtime, caller }: ActionContext, input: z.infer<typeof zCheckDeletionInput>): Promise<TDeletionCheck> {
  return runtime.store.read(async (tx) => {
    const { user, self } = await deletionTarget(tx, caller, input.userId);
    const data = await collectPersonalData(tx, user);
    return { name: user.name, refusals: refusalsFor(data, self), pointsToForfeit: pointsToForfeit(data), erased: ERASED, kept: KEPT };
  });
}
