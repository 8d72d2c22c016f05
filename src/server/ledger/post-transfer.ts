import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { newId } from '../ids';
import type { AccountKind, PostingRecord, Tx } from '../ports';
import { accountIdOf } from './accounts';

export interface AccountRef {
  kind: AccountKind;
  ownerId: string;
}

export interface Transfer {
  idempotencyKey: string;
  communityId: string;
  from: AccountRef;
  to: AccountRef;
  amount: number;
  kind: string;
  ref: string | null;
  memo: string;
}

/**
 * Moves points between two accounts inside the caller's transaction (TigerBeetle's rules):
 * the same key returns the first posting, the same key with another payload is CONFLICT,
 * and only issuance accounts may go below zero.
 */
export async function postTransfer(tx: Tx, transfer: Transfer, at: number): Promise<PostingRecord> {
  if (!Number.isSafeInteger(transfer.amount) || transfer.amount <= 0) {
    throw new AppError('VALIDATION_FAILED', '积分必须是正整数');
  }
  const debitAccountId = accountIdOf(transfer.from.kind, transfer.from.ownerId);
  const creditAccountId = accountIdOf(transfer.to.kind, transfer.to.ownerId);
  if (debitAccountId === creditAccountId) throw new AppError('VALIDATION_FAILED', '转出和转入账户不能相同');

  const payloadHash = hashPayload(transfer.communityId, debitAccountId, creditAccountId, transfer.amount, transfer.kind, transfer.ref);
  const existing = await tx.ledger.findPostingByKey(transfer.idempotencyKey);
  if (existing) {
    if (existing.payloadHash !== payloadHash) throw new AppError('CONFLICT', '这笔积分记录已存在且内容不同，请核对后重试');
    return existing;
  }

  const debit = await ensureAccount(tx, transfer.communityId, transfer.from);
  const credit = await ensureAccount(tx, transfer.communityId, transfer.to);
  const debitBalance = debit.balance - transfer.amount;
  if (!debit.allowNegative && debitBalance < 0) {
    throw new AppError('INSUFFICIENT_POINTS', `积分不足：当前可用 ${debit.balance} 分，需要 ${transfer.amount} 分`);
  }
  await tx.ledger.setBalance(debit.id, debitBalance);
  await tx.ledger.setBalance(credit.id, credit.balance + transfer.amount);

  const posting: PostingRecord = {
    id: newId('p'),
    idempotencyKey: transfer.idempotencyKey,
    communityId: transfer.communityId,
    debitAccountId,
    creditAccountId,
    amount: transfer.amount,
    kind: transfer.kind,
    ref: transfer.ref,
    memo: transfer.memo,
    payloadHash,
    createdAt: at,
  };
  await tx.ledger.insertPosting(posting);
  return posting;
}

async function ensureAccount(tx: Tx, communityId: string, ref: AccountRef) {
  const id = accountIdOf(ref.kind, ref.ownerId);
  const existing = await tx.ledger.getAccount(id);
  if (existing) {
    if (existing.communityId !== communityId) throw new AppError('FORBIDDEN', '不能在不同社区之间转移积分');
    return existing;
  }
  const account = { id, communityId, kind: ref.kind, ownerId: ref.ownerId, balance: 0, held: 0, allowNegative: ref.kind === 'issuance' };
  await tx.ledger.createAccount(account);
  return account;
}

function hashPayload(...parts: (string | number | null)[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}
