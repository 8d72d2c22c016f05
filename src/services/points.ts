import type { InputOf } from '../shared/contracts';
import { callFunction } from './transport';

export const fetchMyPoints = (cursor?: string) => callFunction('points', 'getMine', { cursor, limit: 20 });
export const fetchEarningRules = () => callFunction('points', 'getRules', {});
export const issueRedeemCode = () => callFunction('points', 'issueCode', {});
export const fetchCatalog = () => callFunction('points', 'listCatalog', {});
export const placeOrder = (input: InputOf<'points', 'placeOrder'>) => callFunction('points', 'placeOrder', input);
export const cancelOrder = (orderId: string) => callFunction('points', 'cancelOrder', { orderId });
export const fetchMyOrders = (cursor?: string) => callFunction('points', 'listMyOrders', { cursor, limit: 20 });

export const inspectRedeemCode = (code: string) => callFunction('points', 'inspectCode', { code });
export const redeemInStore = (input: InputOf<'points', 'redeem'>) => callFunction('points', 'redeem', input);
export const confirmPickup = (code: string) => callFunction('points', 'confirmPickup', { code });
export const fetchShopItems = () => callFunction('points', 'listShopItems', {});
export const saveCatalogItem = (input: InputOf<'points', 'saveItem'>) => callFunction('points', 'saveItem', input);
export const fetchShopDay = () => callFunction('points', 'listShopRedemptions', {});
export const refundRedemption = (redemptionId: string, reason: string) => callFunction('points', 'refund', { redemptionId, reason });

export const fetchPointsSummary = (period: 'month' | 'all') => callFunction('points', 'getSummary', { period });
export const fetchMemberLedger = (memberId: string, cursor?: string) => callFunction('points', 'getMemberLedger', { memberId, cursor, limit: 20 });
export const adjustPoints = (input: InputOf<'points', 'adjust'>) => callFunction('points', 'adjust', input);
export const fetchAdjustments = (cursor?: string) => callFunction('points', 'listAdjustments', { cursor, limit: 20 });
export const updateEarningRules = (input: InputOf<'points', 'updateRules'>) => callFunction('points', 'updateRules', input);
export const verifyLedger = () => callFunction('points', 'verifyLedger', {});
