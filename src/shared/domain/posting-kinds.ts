/** What a posting is for; the ledger's vocabulary, shared by rules, summaries and the app. */
export const POSTING_KINDS = [
  'opening_balance',
  'task_completed',
  'rating_bonus',
  'duty',
  'activity',
  'adjustment_credit',
  'adjustment_debit',
  'redemption',
  'order_pickup',
  'refund',
  // A departed member's balance, returned to the community when the account was deleted (注销).
  'forfeit',
] as const;
export type PostingKind = (typeof POSTING_KINDS)[number];

/** Points a member earns (issued by the community); balances carried over at the start are issued but not earned. */
export const EARNING_KINDS: readonly PostingKind[] = ['task_completed', 'rating_bonus', 'duty', 'activity', 'adjustment_credit'];
/** Points a member spends at a shop. */
export const SPENDING_KINDS: readonly PostingKind[] = ['redemption', 'order_pickup'];

export interface KindTotals {
  issued: number;
  redeemed: number;
  refunded: number;
}

/** Issued, redeemed and refunded points from per-kind sums. */
export function totalsByKind(sums: Partial<Record<string, number>>): KindTotals {
  const sum = (kinds: readonly string[]) => kinds.reduce((total, kind) => total + (sums[kind] ?? 0), 0);
  return {
    issued: sum(EARNING_KINDS) + (sums.opening_balance ?? 0) - (sums.adjustment_debit ?? 0),
    redeemed: sum(SPENDING_KINDS),
    refunded: sums.refund ?? 0,
  };
}
