import type { TPostingView } from '../../shared/contracts/points';
import type { PostingRecord } from '../ports';

/** A posting as one account sees it: positive when it received points. */
export function toPostingView(posting: PostingRecord, accountId: string): TPostingView {
  return {
    id: posting.id,
    at: new Date(posting.createdAt).toISOString(),
    amount: posting.creditAccountId === accountId ? posting.amount : -posting.amount,
    memo: posting.memo,
    kind: posting.kind,
  };
}
