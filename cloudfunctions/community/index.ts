import { communityContract } from '../../src/shared/contracts/community';
import { defineFunction, forVisitors } from '../../src/server/functions/define-function';
import { applyMember } from '../../src/server/use-cases/apply-member';
import { assignGridWorker } from '../../src/server/use-cases/assign-grid-worker';
import { claimPost } from '../../src/server/use-cases/claim-post';
import { createBuilding } from '../../src/server/use-cases/create-building';
import { createGrid } from '../../src/server/use-cases/create-grid';
import { createHousehold } from '../../src/server/use-cases/create-household';
import { createShop } from '../../src/server/use-cases/create-shop';
import { getMyGridWorker } from '../../src/server/use-cases/get-my-grid-worker';
import { getMe } from '../../src/server/use-cases/get-me';
import { getMyApplication } from '../../src/server/use-cases/get-my-application';
import { getQrCode } from '../../src/server/use-cases/get-qr-code';
import { getSettings } from '../../src/server/use-cases/get-settings';
import { grantSubscriptions } from '../../src/server/use-cases/grant-subscriptions';
import { joinCommunity } from '../../src/server/use-cases/join-community';
import { joinShop } from '../../src/server/use-cases/join-shop';
import { linkHouseholds } from '../../src/server/use-cases/link-households';
import { listApplications } from '../../src/server/use-cases/list-applications';
import { listBuildings } from '../../src/server/use-cases/list-buildings';
import { listCentralHouseholds } from '../../src/server/use-cases/list-central-households';
import { listCommunities } from '../../src/server/use-cases/list-communities';
import { listGrids } from '../../src/server/use-cases/list-grids';
import { listHouseholds } from '../../src/server/use-cases/list-households';
import { listInbox } from '../../src/server/use-cases/list-inbox';
import { listMembers } from '../../src/server/use-cases/list-members';
import { listResidents } from '../../src/server/use-cases/list-residents';
import { listServicePoints } from '../../src/server/use-cases/list-service-points';
import { listShops } from '../../src/server/use-cases/list-shops';
import { markInboxRead } from '../../src/server/use-cases/mark-inbox-read';
import { resolveScene } from '../../src/server/use-cases/resolve-scene';
import { reviewApplication } from '../../src/server/use-cases/review-application';
import { saveCentralHousehold } from '../../src/server/use-cases/save-central-household';
import { saveServicePoint } from '../../src/server/use-cases/save-service-point';
import { setOnLeave } from '../../src/server/use-cases/set-on-leave';
import { updateSettings } from '../../src/server/use-cases/update-settings';

/** Joining by QR, registration (双报到), community structure, shops, service points. */
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
});
