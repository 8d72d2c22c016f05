import type { TListAuditLogInput } from '../../../shared/contracts/reports';
import type { ActionContext } from '../context';
import { auditCommunities, toAuditLine } from './audit-lines';

/** 操作日志, newest first: who did what to which record, and when. */
export async function listAuditLog({ runtime, caller }: ActionContext, input: TListAuditLogInput) {
  return runtime.store.read(async (tx) => {
    const page = await tx.audit.list(await auditCommunities(tx, caller, input.communityId), input);
    return { items: page.items.map(toAuditLine), nextCursor: page.nextCursor };
  });
}
