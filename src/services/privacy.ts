import Taro from '@tarojs/taro';
import { PRIVACY_POLICY_VERSION, type ConsentKind, type WITHDRAWABLE_CONSENTS } from '../shared/domain/privacy';
import { getLocalOpenid } from './session';
import { callFunction } from './transport';

/** 我的信息, consents and 注销: one wrapper per action. */
export const fetchMyData = () => callFunction('community', 'getMyData', {});
export const exportMyData = () => callFunction('reports', 'exportMyData', {});
export const checkDeletion = (userId?: string) => callFunction('community', 'checkDeletion', { userId });
export const deleteAccount = (userId?: string) => callFunction('community', 'deleteAccount', { userId, confirm: '注销' });

/** Remembered per person and guide version on this phone, so each consent is sent once. */
const noted = (kind: ConsentKind) => `daiban.consent.${kind}.${PRIVACY_POLICY_VERSION}.${getLocalOpenid() ?? 'me'}`;

/**
 * The person just allowed location or photos at the tap that needed them: the server keeps the
 * purpose and the time. Never in the way of what they were doing: a failure is tried again next time.
 */
export function noteConsent(kind: ConsentKind): void {
  if (Taro.getStorageSync(noted(kind))) return;
  callFunction('community', 'recordConsent', { kind, policyVersion: PRIVACY_POLICY_VERSION })
    .then(() => Taro.setStorageSync(noted(kind), '1'))
    .catch(() => undefined);
}

export async function withdrawConsent(kind: (typeof WITHDRAWABLE_CONSENTS)[number]) {
  const result = await callFunction('community', 'withdrawConsent', { kind });
  Taro.removeStorageSync(noted(kind));
  return result;
}
