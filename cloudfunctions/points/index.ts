import { pointsContract } from '../../src/shared/contracts/points';
import { defineFunction } from '../../src/server/functions/define-function';
import { adjustPoints } from '../../src/server/use-cases/adjust-points';
import { cancelOrder } from '../../src/server/use-cases/cancel-order';
import { confirmPickup } from '../../src/server/use-cases/confirm-pickup';
import { getEarningRules } from '../../src/server/use-cases/get-earning-rules';
import { getMemberLedger } from '../../src/server/use-cases/get-member-ledger';
import { getMyPoints } from '../../src/server/use-cases/get-my-points';
import { getPointsSummary } from '../../src/server/use-cases/get-points-summary';
import { inspectRedeemCode } from '../../src/server/use-cases/inspect-redeem-code';
import { issueRedeemCode } from '../../src/server/use-cases/issue-redeem-code';
import { listAdjustments } from '../../src/server/use-cases/list-adjustments';
import { listCatalog } from '../../src/server/use-cases/list-catalog';
import { listMyOrders } from '../../src/server/use-cases/list-my-orders';
import { listShopItems } from '../../src/server/use-cases/list-shop-items';
import { listShopRedemptions } from '../../src/server/use-cases/list-shop-redemptions';
import { placeOrder } from '../../src/server/use-cases/place-order';
import { redeemInStore } from '../../src/server/use-cases/redeem-in-store';
import { refundRedemption } from '../../src/server/use-cases/refund-redemption';
import { saveCatalogItem } from '../../src/server/use-cases/save-catalog-item';
import { updateEarningRules } from '../../src/server/use-cases/update-earning-rules';
import { verifyCommunityLedger } from '../../src/server/use-cases/verify-community-ledger';

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
