import { AppError } from '../../../shared/errors';
import type { ShopRecord, Tx, UserRecord } from '../../ports';
import { readRedeemCode, type RedeemCode } from '../../codes/signed-codes';

export interface ScannedCode {
  redeemCode: RedeemCode;
  used: boolean;
  member: UserRecord | null;
}

/** Reads what a scanned redemption code points at (its use and its member together); the signature and expiry are checked first. */
export async function readScannedCode(tx: Tx, signingKey: string, code: string, now: number): Promise<ScannedCode> {
  const redeemCode = readRedeemCode(signingKey, code, now);
  const [used, member] = await Promise.all([tx.redemptions.isCodeUsed(redeemCode.nonce), tx.users.getById(redeemCode.userId)]);
  return { redeemCode, used, member };
}

/** The member behind a scanned code, checked against the shop: not used, same community. */
export function memberForShop(scanned: ScannedCode, shop: ShopRecord): UserRecord {
  if (scanned.used) throw usedCode();
  const { member } = scanned;
  if (!member || member.communityId !== shop.communityId) throw new AppError('FORBIDDEN', '这个兑换码不属于本社区，不能在本店使用');
  return member;
}

export function usedCode(): AppError {
  return new AppError('CONFLICT', '这个兑换码已经用过了，请对方刷新后重新出示');
}
