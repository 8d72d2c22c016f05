import { REDEEM_CODE_TTL_MS } from '../../../shared/domain/points-rules';
import { qrDataUrl } from '../../codes/qr-data-url';
import { signRedeemCode } from '../../codes/signed-codes';
import type { ActionContext } from '../context';

/** Stateless until used: the shop burns the nonce when it redeems, so every code works once. */
export async function issueRedeemCode({ runtime, caller }: ActionContext) {
  const expiresAt = runtime.clock.now() + REDEEM_CODE_TTL_MS;
  const code = signRedeemCode(runtime.signingKey, caller.id, expiresAt);
  return { code, qr: await qrDataUrl(code), expiresAt: new Date(expiresAt).toISOString() };
}
