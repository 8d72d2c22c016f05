import { AppError } from '../../../shared/errors';
import type { ShopRecord, Tx, UserRecord } from '../../ports';
import { readRedeemCode, type RedeemCode } from '../../codes/signed-codes';

/** The member behind a redemption code, checked against the shop: valid signature, not expired, not used, same community. */
export async function scannedMember(tx: Tx, signingKey: string, shop: ShopRecord, code: string, now: number): Promise<{ member: UserRecord; redeemCode: RedeemCode }> {
  const redeemCode = readRedeemCode(signingKey, code, now);
  if (await tx.redemptions.isCodeUsed(redeemCode.nonce)) throw usedCode();
  const member = await tx.users.getById(redeemCode.userId);
  if (!member || member.communityId !== shop.communityId) throw new AppError('FORBIDDEN', '这个兑换码不属于本社区，不能在本店使用');
  return { member, redeemCode };
}

export function usedCode(): AppError {
  return new AppError('CONFLICT', '这个兑换码已经用过了，请对方刷新后重新出示');
}
