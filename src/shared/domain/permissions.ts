import type { Role } from './roles';

/** Who may call each action. The function router enforces it before any use case runs. */
export const PERMISSIONS = {
  'requests.submit': ['resident'],
  'requests.listMine': ['resident'],
  'requests.get': ['resident', 'member', 'volunteer', 'grid_worker', 'admin'],
  'requests.cancel': ['resident'],
  'requests.rate': ['resident'],
  'requests.listOffers': ['member', 'volunteer'],
  'requests.listTasks': ['member', 'volunteer'],
  'requests.accept': ['member', 'volunteer'],
  'requests.decline': ['member', 'volunteer'],
  'requests.complete': ['member', 'volunteer'],
  'points.getMine': ['member', 'volunteer'],
  'community.me': 'anyone',
  'community.listInbox': 'anyone',
  'community.markInboxRead': 'anyone',
} as const satisfies Record<string, readonly Role[] | 'anyone'>;

export type ActionName = keyof typeof PERMISSIONS;

export function isAllowed(action: ActionName, roles: readonly Role[]): boolean {
  const allowed: readonly Role[] | 'anyone' = PERMISSIONS[action];
  return allowed === 'anyone' || roles.some((role) => allowed.includes(role));
}
