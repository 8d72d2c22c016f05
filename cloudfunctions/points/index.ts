import { pointsContract } from '../../src/shared/contracts/points';
import { defineFunction } from '../../src/server/functions/define-function';
import { adjustPoints } from '../../src/server/use-cases/points/adjust-points';
import { cancelOrder } from '../../src/server/use-cases/points/cancel-order';
import { confirmPickup } from '../../src/server/use-cases/points/confirm-pickup';
import { getEarningRules } from '../../src/server/use-cases/points/get-earning-rules';
import { getMemberLedger } from '../../src/server/use-cases/points/get-member-ledger';
import { getMyPoints } from '../../src/server/use-cases/points/get-my-points';
import { getPointsSummary } from '../../src/server/use-cases/points/get-points-summary';
import { inspectRedeemCode } from '../../src/server/use-cases/points/inspect-redeem-code';
import { issueRedeemCode } from '../../src/server/use-cases/points/issue-redeem-code';
import { listAdjustments } from '../../src/server/use-cases/points/list-adjustments';
import { listCatalog } from '../../src/server/use-cases/points/list-catalog';
import { listMyOrders } from '../../src/server/use-cases/points/list-my-orders';
import { listShopItems } from '../../src/server/use-cases/points/list-shop-items';
import { listShopRedemptions } from '../../src/server/use-cases/points/list-shop-redemptions';
import { placeOrder } from '../../src/server/use-cases/points/place-order';
import { redeemInStore } from '../../src/server/use-cases/points/redeem-in-store';
import { refundRedemption } from '../../src/server/use-cases/points/refund-redemption';
import { saveCatalogItem } from '../../src/server/use-cases/points/save-catalog-item';
import { updateEarningRules } from '../../src/server/use-cases/points/update-earning-rules';
import { verifyCommunityLedger } from '../../src/server/use-cases/points/verify-community-ledger';

export const main = defineFunction('points', pointsContract, {
  getMine: getMyPoints,
  getRules: getEarningRules,
  issueCode: issueRedeemCode,
  listCatalog,
  placeOrder,
  cancelOrder,
  listMyOrders,
  inspectCode: inspectRedeemCode,
  redeem: redeemInStore,
  confirmPickup,
  listShopItems,
  saveItem: saveCatalogItem,
  listShopRedemptions,
  refund: refundRedemption,
  getMemberLedger,
  getSummary: getPointsSummary,
  adjust: adjustPoints,
  listAdjustments,
  updateRules: updateEarningRules,
  verifyLedger: verifyCommunityLedger,
});
