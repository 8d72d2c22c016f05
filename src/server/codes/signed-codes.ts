import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../shared/errors';

/**
 * Codes a member shows and a shop scans. Redemption codes carry the member, a one-time nonce and an
 * expiry, signed so nobody can forge one; the nonce is burnt on use, so a replayed screenshot fails.
 * Pickup codes carry only the order: the order's own status makes them single-use.
 */
const REDEEM = 'R1';
const PICKUP = 'P1';
const SAFE = /^[A-Za-z0-9_-]+$/;

export interface RedeemCode {
  userId: string;
  nonce: string;
  expiresAt: number;
}

export function signRedeemCode(key: string, userId: string, expiresAt: number): string {
  const nonce = randomBytes(9).toString('base64url');
  const body = `${REDEEM}.${userId}.${nonce}.${expiresAt.toString(36)}`;
  return `${body}.${signature(key, body)}`;
}

export function readRedeemCode(key: string, code: string, now: number): RedeemCode {
  const parts = code.trim().split('.');
  if (parts.length !== 5 || parts[0] !== REDEEM || !parts.every((part) => SAFE.test(part))) throw invalid('兑换码');
  const [, userId, nonce, expiry, sig] = parts;
  if (!verify(key, parts.slice(0, 4).join('.'), sig)) throw invalid('兑换码');
  const expiresAt = parseInt(expiry, 36);
  if (!Number.isFinite(expiresAt) || now > expiresAt) throw new AppError('VALIDATION_FAILED', '兑换码已过期，请对方刷新兑换码后再扫');
  return { userId, nonce, expiresAt };
}

export function signPickupCode(key: string, orderId: string): string {
  const body = `${PICKUP}.${orderId}`;
  return `${body}.${signature(key, body)}`;
}

export function readPickupCode(key: string, code: string): string {
  const parts = code.trim().split('.');
  if (parts.length !== 3 || parts[0] !== PICKUP || !parts.every((part) => SAFE.test(part))) throw invalid('取货码');
  if (!verify(key, `${parts[0]}.${parts[1]}`, parts[2])) throw invalid('取货码');
  return parts[1];
}

function signature(key: string, body: string): string {
  return createHmac('sha256', key).update(body).digest('base64url').slice(0, 22);
}

function verify(key: string, body: string, sig: string): boolean {
  const expected = Buffer.from(signature(key, body));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function invalid(what: string): AppError {
  return new AppError('VALIDATION_FAILED', `${what}无效，请让对方打开积分页面重新出示`);
}
