import { AppError } from '../../shared/errors';
import { newId } from '../ids';
import type { HoldRecord, PostingRecord, Tx } from '../ports';
import { accountIdOf, parseAccountId } from './accounts';
import { ensureAccount, insufficientPoints, postTransfer, type AccountRef } from './post-transfer';
import { ledgerKeys } from './earnings';

export interface HoldRequest {
  idempotencyKey: string;
  communityId: string;
  from: AccountRef;
  amount: number;
  ref: string | null;
  expiresAt: number;
}

/** Sets points aside; a retry with the same key returns the first hold. */
export async function placeHold(tx: Tx, request: HoldRequest, at: number): Promise<HoldRecord> {
  if (!Number.isSafeInteger(request.amount) || request.amount <= 0) throw new AppError('VALIDATION_FAILED', '积分必须是正整数');
  const existing = await tx.ledger.findHoldByKey(request.idempotencyKey);
  if (existing) {
    if (existing.amount !== request.amount || existing.ref !== request.ref) throw new AppError('CONFLICT', '这笔冻结已存在且内容不同，请核对后重试');
    return existing;
  }
  const account = await ensureAccount(tx, request.communityId, request.from);
  if (!(await tx.ledger.moveAccount(account.id, 0, request.amount))) throw insufficientPoints(account.balance - account.held, request.amount);
  const hold: HoldRecord = {
    id: newId('h'),
    idempotencyKey: request.idempotencyKey,
    communityId: request.communityId,
    accountId: accountIdOf(request.from.kind, request.from.ownerId),
    amount: request.amount,
    status: 'pending',
    ref: request.ref,
    expiresAt: request.expiresAt,
    createdAt: at,
    settledAt: null,
  };
  await tx.ledger.insertHold(hold);
  return hold;
}

export interface HoldSettlement {
  to: AccountRef;
  kind: string;
  memo: string;
  actorId: string | null;
}

/** Turns a pending hold into a posting; exactly once, whoever calls first. */
export async function confirmHold(tx: Tx, holdId: string, settlement: HoldSettlement, at: number): Promise<PostingRecord> {
  const hold = await requireHold(tx, holdId);
  if (!(await tx.ledger.settleHold(hold.id, 'confirmed', at))) throw new AppError('CONFLICT', settledMessage(hold));
  return postTransfer(
    tx,
    {
      idempotencyKey: ledgerKeys.holdConfirm(hold.id),
      communityId: hold.communityId,
      from: parseAccountId(hold.accountId),
      to: settlement.to,
      amount: hold.amount,
      kind: settlement.kind,
      ref: hold.ref,
      memo: settlement.memo,
      actorId: settlement.actorId,
      fromHold: true,
    },
    at,
  );
}

/** Releases a pending hold; exactly once. Returns false when it was already settled. */
export async function voidHold(tx: Tx, holdId: string, at: number): Promise<boolean> {
  const hold = await requireHold(tx, holdId);
  if (!(await tx.ledger.settleHold(hold.id, 'voided', at))) return false;
  if (!(await tx.ledger.moveAccount(hold.accountId, 0, -hold.amount))) throw new AppError('INTERNAL', '解冻积分失败');
  return true;
}

async function requireHold(tx: Tx, holdId: string): Promise<HoldRecord> {
  const hold = await tx.ledger.getHold(holdId);
  if (!hold) throw new AppError('NOT_FOUND', '没有找到这笔冻结积分');
  return hold;
}

function settledMessage(hold: HoldRecord): string {
  return hold.status === 'confirmed' ? '这笔积分已经结算过了' : '这笔冻结积分已经释放';
}
