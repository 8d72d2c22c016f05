/**
 * The privacy consent exists only in WeChat (`privacy-consent.weapp.tsx`, picked by Taro for the weapp
 * build): a browser asks for location itself, so the H5 build draws nothing here.
 */
export function PrivacyConsent(): null {
  return null;
}
