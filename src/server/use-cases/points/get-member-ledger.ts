import type { TGetMemberLedgerInput } from '../../../shared/contracts/points';
import { loadUser } from '../community-scope';
import { memberAccountId } from '../../points-ledger/accounts';
import { toPostingView } from '../../views/posting-view';
import type { ActionContext } from '../context';

export async function getMemberLedger({ runtime, caller }: ActionContext, input: TGetMemberLedgerInput) {
  return runtime.store.read(async (tx) => {
    const member = await loadUser(tx, caller, input.memberId);
    const accountId = memberAccountId(member.id);
    const account = await tx.ledger.getAccount(accountId);
    const page = await tx.ledger.listPostings(accountId, input);
    const balance = account?.balance ?? 0;
    const held = account?.held ?? 0;
    return {
      memberId: member.id,
      name: member.name,
      balance,
      held,
      available: balance - held,
      items: page.items.map((posting) => toPostingView(posting, accountId)),
      nextCursor: page.nextCursor,
    };
  });
}
