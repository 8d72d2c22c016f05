import type { TInspectRedeemCodeInput } from '../../../shared/contracts/points';
import { chinaMonthStart } from '../../../shared/domain/china-time';
import { maskName } from '../../../shared/domain/masking';
import { memberAccountId } from '../../points-ledger/accounts';
import { memberForShop, readScannedCode } from './scanned-member';
import { allInOrder } from '../../all-in-order';
import { requireStaffShop } from './staff-shop';
import { toCatalogItemView } from '../../views/catalog-view';
import type { ActionContext } from '../context';

/** What the till shows after scanning: who (masked), how many points they can spend, and what they may take. */
export async function inspectRedeemCode({ runtime, caller }: ActionContext, input: TInspectRedeemCodeInput) {
  const now = runtime.clock.now();
  return runtime.store.read(async (tx) => {
    const scanned = readScannedCode(tx, runtime.signingKey, input.code, now);
    const [shop, code] = await allInOrder([requireStaffShop(tx, caller, input.shopId), scanned]);
    const member = memberForShop(code, shop);
    const [account, items] = await Promise.all([tx.ledger.getAccount(memberAccountId(member.id)), tx.catalog.listByShop(shop.id, true)]);
    const taken = await tx.redemptions.takenSince(member.id, items.map((item) => item.id), chinaMonthStart(now));
    return {
      memberName: maskName(member.name),
      available: account ? account.balance - account.held : 0,
      shop: { id: shop.id, name: shop.name, kind: shop.kind },
      items: items.map((item) => toCatalogItemView(item, shop.name, runtime.files, taken[item.id] ?? 0)),
    };
  });
}
