import type { AccountKind } from '../ports';

export const issuanceAccountId = (communityId: string) => `issuance:${communityId}`;
export const memberAccountId = (userId: string) => `member:${userId}`;
export const shopAccountId = (shopId: string) => `shop:${shopId}`;

export function accountIdOf(kind: AccountKind, ownerId: string): string {
  return `${kind}:${ownerId}`;
}
