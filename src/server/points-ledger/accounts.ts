import type { AccountKind } from '../ports';

export const issuanceAccountId = (communityId: string) => `issuance:${communityId}`;
export const memberAccountId = (userId: string) => `member:${userId}`;

export function accountIdOf(kind: AccountKind, ownerId: string): string {
  return `${kind}:${ownerId}`;
}

export function parseAccountId(accountId: string): { kind: AccountKind; ownerId: string } {
  const index = accountId.indexOf(':');
  return { kind: accountId.slice(0, index) as AccountKind, ownerId: accountId.slice(index + 1) };
}
