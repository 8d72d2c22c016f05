import type { RedemptionStatus } from '../../../shared/domain/supermarket';
import { voidHold } from '../../points-ledger/holds';
import type { RedemptionRecord, Tx } from '../../ports';
import { returnLines } from './price-lines';

/** Cancels or expires a pending order: releases its held points and puts its stock back, exactly once. */
export async function releaseOrder(tx: Tx, order: RedemptionRecord, to: Extract<RedemptionStatus, 'cancelled' | 'expired'>, at: number): Promise<boolean> {
  if (!(await tx.redemptions.update(order.id, ['pending'], { status: to, updatedAt: at }))) return false;
  if (order.holdId) await voidHold(tx, order.holdId, at);
  await returnLines(tx, order.lines);
  return true;
}
