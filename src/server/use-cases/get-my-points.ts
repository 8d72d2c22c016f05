import type { TPageInput } from '../../shared/contracts/common';
import type { TPostingView } from '../../shared/contracts/points';
import { memberAccountId } from '../ledger/accounts';
import type { ActionContext } from './context';

export async function getMyPoints({ runtime, caller }: ActionContext, input: TPageInput) {
  const accountId = memberAccountId(caller.id);
  return runtime.store.read(async (tx) => {
    const account = await tx.ledger.getAccount(accountId);
    const page = await tx.ledger.listPostings(accountId, input);
    const items: TPostingView[] = page.items.map((posting) => ({
      id: posting.id,
      at: new Date(posting.createdAt).toISOString(),
      amount: posting.creditAccountId === accountId ? posting.amount : -posting.amount,
      memo: posting.memo,
    }));
    return { balance: account?.balance ?? 0, held: account?.held ?? 0, items, nextCursor: page.nextCursor };
  });
}
