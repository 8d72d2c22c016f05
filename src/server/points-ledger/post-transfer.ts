import { AppError } from '../../shared/errors';
import { newId } from '../ids';
import { payloadHash as hashPayload } from '../payload-hash';
import type { AccountKind, AccountRecord, PostingRecord, Tx } from '../ports';
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
  /** The person whose decision this was (admin adjustments, refunds), for the audit trail. */
  actorId?: string | null;
  /** Settles a hold: the amount leaves the debit account's held points as well as its balance. */
  fromHold?: boolean;
}

/**
 * Moves points between two accounts inside the caller's transaction (TigerBeetle's rules):
 * the same key returns the first posting, the same key with another payload is CONFLICT,
 * and only issuance accounts may go below zero; a member can never spend points held for an order.
 */
export async function postTransfer(tx: Tx, transfer: Transfer, at: number): Promise<PostingRecord> {
  if (!Number.isSafeInteger(transfer.amount) || transfer.amount <= 0) {
    throw new AppError('VALIDATION_FAILED', '积分必须是正整数');
  }
  const debitAccountId = accountIdOf(transfer.from.kind, transfer.from.ownerId);
  const creditAccountId = accountIdOf(transfer.to.kind, transfer.to.ownerId);
  if (debitAccountId === creditAccountId) throw new AppError('VALIDATION_FAILED', '转出和转入账户不能相同');

  const payloadHash = transferHash(transfer);
  // Read together (one round trip on CloudBase); the accounts are only touched when the key is new.
  const [existing, debitAccount, creditAccount] = await Promise.all([
    tx.ledger.findPostingByKey(transfer.idempotencyKey),
    tx.ledger.getAccount(debitAccountId),
    tx.ledger.getAccount(creditAccountId),
  ]);
  if (existing) {
    if (existing.payloadHash !== payloadHash) throw new AppError('CONFLICT', '这笔积分记录已存在且内容不同，请核对后重试');
    return existing;
  }

  const debit = await ensureAccount(tx, transfer.communityId, transfer.from, debitAccount);
  const credit = await ensureAccount(tx, transfer.communityId, transfer.to, creditAccount);
  const debited = await tx.ledger.moveAccount(debit.id, -transfer.amount, transfer.fromHold ? -transfer.amount : 0);
  if (!debited) throw insufficientPoints(debit.balance - debit.held, transfer.amount);
  if (!(await tx.ledger.moveAccount(credit.id, transfer.amount, 0))) throw new AppError('INTERNAL', '积分入账失败');

  const posting = buildPosting(transfer, at);
  await tx.ledger.insertPosting(posting);
  return posting;
}

/** What a retried transfer must match to count as the same call. */
function transferHash(transfer: Transfer): string {
  const debitAccountId = accountIdOf(transfer.from.kind, transfer.from.ownerId);
  const creditAccountId = accountIdOf(transfer.to.kind, transfer.to.ownerId);
  return hashPayload(transfer.communityId, debitAccountId, creditAccountId, transfer.amount, transfer.kind, transfer.ref);
}

/** The posting a transfer writes (also the seed generator's, so generated history verifies like real history). */
export function buildPosting(transfer: Transfer, at: number, id: string = newId('p')): PostingRecord {
  return {
    id,
    idempotencyKey: transfer.idempotencyKey,
    communityId: transfer.communityId,
    debitAccountId: accountIdOf(transfer.from.kind, transfer.from.ownerId),
    creditAccountId: accountIdOf(transfer.to.kind, transfer.to.ownerId),
    amount: transfer.amount,
    kind: transfer.kind,
    ref: transfer.ref,
    memo: transfer.memo,
    payloadHash: transferHash(transfer),
    actorId: transfer.actorId ?? null,
    createdAt: at,
  };
}

export function insufficientPoints(available: number, needed: number): AppError {
  return new AppError('INSUFFICIENT_POINTS', `积分不足：可用 ${Math.max(0, available)} 分，需要 ${needed} 分`);
}

/** `known` is the account as already read in this transaction (null: read and absent); left out, it is read here. */
export async function ensureAccount(tx: Tx, communityId: string, ref: AccountRef, known?: AccountRecord | null) {
  const id = accountIdOf(ref.kind, ref.ownerId);
  const existing = known === undefined ? await tx.ledger.getAccount(id) : known;
  if (existing) {
    if (existing.communityId !== communityId) throw new AppError('FORBIDDEN', '不能在不同社区之间转移积分');
    return existing;
  }
  const account = { id, communityId, kind: ref.kind, ownerId: ref.ownerId, balance: 0, held: 0, allowNegative: ref.kind === 'issuance' };
  await tx.ledger.createAccount(account);
  return account;
}
