import Taro from '@tarojs/taro';

const KEY = 'careMode';
const listeners = new Set<() => void>();
let cached: boolean | null = null;

/** 关怀模式 is remembered on the phone, so an elderly resident switches it on once. */
export function isCareMode(): boolean {
  if (cached === null) cached = Taro.getStorageSync(KEY) === true;
  return cached;
}

/** Saves the setting and tells every mounted page root, so the page that switched it grows at once. */
export function saveCareMode(on: boolean): void {
  Taro.setStorageSync(KEY, on);
  cached = on;
  listeners.forEach((listener) => listener());
}

/** Calls `listener` whenever care mode is switched; returns the unsubscribe. */
export function onCareModeChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Calls a number: WeChat dials it (after the user confirms); a browser hands it to the phone's dialer. */
export async function callPhone(phoneNumber: string): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    await Taro.makePhoneCall({ phoneNumber });
    return;
  }
  window.location.href = `tel:${phoneNumber}`;
}
