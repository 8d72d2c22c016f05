import { communityContract } from '../../src/shared/contracts/community';
import { defineFunction, forVisitors } from '../../src/server/functions/define-function';
import { applyMember } from '../../src/server/use-cases/community/apply-member';
import { assignGridWorker } from '../../src/server/use-cases/community/assign-grid-worker';
import { claimPost } from '../../src/server/use-cases/community/claim-post';
import { createBuilding } from '../../src/server/use-cases/community/create-building';
import { createGrid } from '../../src/server/use-cases/community/create-grid';
import { createHousehold } from '../../src/server/use-cases/community/create-household';
import { createShop } from '../../src/server/use-cases/community/create-shop';
import { getMyGridWorker } from '../../src/server/use-cases/community/get-my-grid-worker';
import { getMe } from '../../src/server/use-cases/community/get-me';
import { getMyApplication } from '../../src/server/use-cases/community/get-my-application';
import { getQrCode } from '../../src/server/use-cases/community/get-qr-code';
import { getSettings } from '../../src/server/use-cases/community/get-settings';
import { grantSubscriptions } from '../../src/server/use-cases/community/grant-subscriptions';
import { joinCommunity } from '../../src/server/use-cases/community/join-community';
import { joinShop } from '../../src/server/use-cases/community/join-shop';
import { linkHouseholds } from '../../src/server/use-cases/community/link-households';
import { listApplications } from '../../src/server/use-cases/community/list-applications';
import { listBuildings } from '../../src/server/use-cases/community/list-buildings';
import { listCentralHouseholds } from '../../src/server/use-cases/community/list-central-households';
import { listCommunities } from '../../src/server/use-cases/community/list-communities';
import { listGrids } from '../../src/server/use-cases/community/list-grids';
import { listHouseholds } from '../../src/server/use-cases/community/list-households';
import { listInbox } from '../../src/server/use-cases/community/list-inbox';
import { listMembers } from '../../src/server/use-cases/community/list-members';
import { listResidents } from '../../src/server/use-cases/community/list-residents';
import { listServicePoints } from '../../src/server/use-cases/community/list-service-points';
import { listShops } from '../../src/server/use-cases/community/list-shops';
import { markInboxRead } from '../../src/server/use-cases/community/mark-inbox-read';
import { resolveScene } from '../../src/server/use-cases/community/resolve-scene';
import { reviewApplication } from '../../src/server/use-cases/community/review-application';
import { revokeRole } from '../../src/server/use-cases/community/revoke-role';
import { saveCentralHousehold } from '../../src/server/use-cases/community/save-central-household';
import { saveServicePoint } from '../../src/server/use-cases/community/save-service-point';
import { setOnLeave } from '../../src/server/use-cases/community/set-on-leave';
import { updateSettings } from '../../src/server/use-cases/community/update-settings';
import { checkDeletion } from '../../src/server/use-cases/privacy/check-deletion';
import { deleteAccount } from '../../src/server/use-cases/privacy/delete-account';
import { getMyData } from '../../src/server/use-cases/privacy/get-my-data';
import { recordConsent } from '../../src/server/use-cases/privacy/record-consent';
import { withdrawConsent } from '../../src/server/use-cases/privacy/withdraw-consent';

/** Joining by QR, registration (双报到), community structure, shops, service points; 我的信息, consents and 注销. */
export const main = defineFunction('community', communityContract, {
  me: (context) => getMe(context),
  getMyGridWorker: (context) => getMyGridWorker(context),
  listInbox,
  markInboxRead,
  grantSubscriptions,
  resolveScene: forVisitors(resolveScene),
  join: forVisitors(joinCommunity),
  getSettings: (context) => getSettings(context),
  applyMember,
  getMyApplication: (context) => getMyApplication(context),
  setOnLeave,
  claimPost,
  joinShop,
  listApplications,
  reviewApplication,
  listMembers,
  listResidents,
  listGrids: (context) => listGrids(context),
  createGrid,
  assignGridWorker,
  listBuildings,
  createBuilding,
  listHouseholds,
  createHousehold,
  listCentralHouseholds,
  saveCentralHousehold,
  linkHouseholds,
  updateSettings,
  listShops: (context) => listShops(context),
  createShop,
  listServicePoints: (context) => listServicePoints(context),
  saveServicePoint,
  getQrCode,
  listCommunities: (context) => listCommunities(context),
  recordConsent,
  withdrawConsent,
  getMyData: (context) => getMyData(context),
  checkDeletion,
  deleteAccount: forVisitors(deleteAccount),
  revokeRole,
});
