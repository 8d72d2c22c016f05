import type { TRedemptionView } from '../../shared/contracts/points';
import { maskName } from '../../shared/domain/masking';
import { isRefundable } from '../../shared/domain/supermarket';
import type { RedemptionRecord, Runtime, Tx } from '../ports';
import { qrDataUrl } from '../codes/qr-data-url';
import { signPickupCode } from '../codes/signed-codes';

/** The member sees their full name and the pickup code of a pending order; the shop sees a masked name. */
export async function toRedemptionView(
  tx: Tx,
  runtime: Runtime,
  redemption: RedemptionRecord,
  perspective: 'member' | 'shop',
): Promise<TRedemptionView> {
  const [shop, member] = await Promise.all([tx.shops.get(redemption.shopId), tx.users.getById(redemption.memberId)]);
  const name = member?.name ?? '';
  const pickupCode = perspective === 'member' && redemption.status === 'pending' ? signPickupCode(runtime.signingKey, redemption.id) : null;
  return {
    id: redemption.id,
    channel: redemption.channel,
    status: redemption.status,
    shopId: redemption.shopId,
    shopName: shop?.name ?? '',
    memberName: perspective === 'member' ? name : maskName(name),
    lines: redemption.lines,
    total: redemption.total,
    createdAt: new Date(redemption.createdAt).toISOString(),
    expiresAt: redemption.expiresAt === null ? null : new Date(redemption.expiresAt).toISOString(),
    pickupCode,
    pickupQr: pickupCode ? await qrDataUrl(pickupCode) : null,
    refundable: perspective === 'shop' && isRefundable(redemption.status, redemption.settledAt, runtime.clock.now()),
  };
}
