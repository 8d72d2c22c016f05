import type { Role } from './roles';

/**
 * Who may call each action; the function router enforces it before any use case runs.
 * 'anyone' = any registered user; 'visitor' = any WeChat user, registered or not (joining by QR).
 * Admins and grid workers act only inside their own community: use cases check that too.
 */
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
  'requests.fileOnBehalf': ['admin', 'grid_worker'],
  'requests.findSimilar': ['resident'],
  'requests.reopen': ['resident'],
  'requests.listForStaff': ['admin', 'grid_worker'],
  'requests.listCandidates': ['admin', 'grid_worker'],
  'requests.assign': ['admin', 'grid_worker'],
  'requests.escalate': ['admin'],
  'requests.recordEscalation': ['admin'],
  'requests.getDispatchPolicy': ['admin', 'grid_worker'],
  'requests.updateDispatchPolicy': ['admin'],
  'points.getMine': ['member', 'volunteer'],
  'points.getRules': 'anyone',
  'points.issueCode': ['member', 'volunteer'],
  'points.listCatalog': ['member', 'volunteer'],
  'points.placeOrder': ['member', 'volunteer'],
  'points.cancelOrder': ['member', 'volunteer'],
  'points.listMyOrders': ['member', 'volunteer'],
  'points.inspectCode': ['shop_staff'],
  'points.redeem': ['shop_staff'],
  'points.confirmPickup': ['shop_staff'],
  'points.listShopItems': ['shop_staff'],
  'points.saveItem': ['shop_staff'],
  'points.listShopRedemptions': ['shop_staff'],
  'points.refund': ['shop_staff'],
  'points.getMemberLedger': ['admin'],
  'points.getSummary': ['admin'],
  'points.adjust': ['admin'],
  'points.listAdjustments': ['admin'],
  'points.updateRules': ['admin'],
  'points.verifyLedger': ['admin'],
  'service.checkIn': ['member', 'volunteer'],
  'service.checkOut': ['member', 'volunteer'],
  'service.getMyRecord': ['member', 'volunteer'],
  'service.listOnDuty': ['admin', 'grid_worker'],
  'service.createActivity': ['admin'],
  'service.listActivities': ['member', 'volunteer', 'admin', 'grid_worker'],
  'service.getActivity': ['member', 'volunteer', 'admin', 'grid_worker'],
  'service.signUp': ['member', 'volunteer'],
  'service.cancelSignUp': ['member', 'volunteer'],
  'service.checkInActivity': ['member', 'volunteer'],
  'service.checkOutActivity': ['member', 'volunteer'],
  'service.getRoster': ['admin', 'grid_worker'],
  'service.markLeave': ['admin'],
  'service.completeActivity': ['admin'],
  'community.me': 'anyone',
  'community.listInbox': 'anyone',
  'community.markInboxRead': 'anyone',
  'community.resolveScene': 'visitor',
  'community.join': 'visitor',
  'community.getSettings': 'anyone',
  'community.applyMember': ['resident'],
  'community.getMyApplication': 'anyone',
  'community.setOnLeave': ['member', 'volunteer'],
  'community.claimPost': ['member', 'volunteer'],
  'community.joinShop': 'anyone',
  'community.listApplications': ['admin'],
  'community.reviewApplication': ['admin'],
  'community.listMembers': ['admin', 'grid_worker'],
  'community.listResidents': ['admin', 'grid_worker'],
  'community.listGrids': ['admin', 'grid_worker'],
  'community.createGrid': ['admin'],
  'community.assignGridWorker': ['admin'],
  'community.listBuildings': ['admin', 'grid_worker'],
  'community.createBuilding': ['admin'],
  'community.listHouseholds': ['admin', 'grid_worker'],
  'community.createHousehold': ['admin', 'grid_worker'],
  'community.listCentralHouseholds': ['admin', 'grid_worker'],
  'community.saveCentralHousehold': ['admin'],
  'community.linkHouseholds': ['admin'],
  'community.updateSettings': ['admin'],
  'community.listShops': ['admin'],
  'community.createShop': ['admin'],
  'community.listServicePoints': ['admin', 'grid_worker'],
  'community.saveServicePoint': ['admin'],
  'community.getQrCode': ['admin', 'grid_worker'],
  'community.listCommunities': ['district_viewer'],
} as const satisfies Record<string, readonly Role[] | 'anyone' | 'visitor'>;

export type ActionName = keyof typeof PERMISSIONS;
export type Permission = (typeof PERMISSIONS)[ActionName];

export function isAllowed(action: ActionName, roles: readonly Role[]): boolean {
  const allowed: readonly Role[] | 'anyone' | 'visitor' = PERMISSIONS[action];
  return allowed === 'anyone' || allowed === 'visitor' || roles.some((role) => allowed.includes(role));
}

export function isVisitorAction(action: ActionName): boolean {
  return PERMISSIONS[action] === 'visitor';
}
