import type { TPageInput } from '../../../shared/contracts/common';
import { memberAccountId } from '../../points-ledger/accounts';
import { toPostingView } from '../../views/posting-view';
import type { ActionContext } from '../context';

export async function getMyPoints({ runtime, caller }: ActionContext, input: TPageInput) {
  const accountId = memberAccountId(caller.id);
  return runtime.store.read(async (tx) => {
    const account = await tx.ledger.getAccount(accountId);
    const page = await tx.ledger.listPostings(accountId, input);
    const balance = account?.balance ?? 0;
    const held = account?.held ?? 0;
    return { balance, held, available: balance - held, items: page.items.map((posting) => toPostingView(posting, accountId)), nextCursor: page.nextCursor };
  });
}
