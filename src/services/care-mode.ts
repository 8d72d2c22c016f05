import Taro from '@tarojs/taro';

const KEY = 'careMode';

/** 关怀模式 is remembered on the phone, so an elderly resident switches it on once. */
export function isCareMode(): boolean {
  return Taro.getStorageSync(KEY) === true;
}

export function saveCareMode(on: boolean): void {
  Taro.setStorageSync(KEY, on);
}

/** Calls a number: WeChat dials it (after the user confirms); a browser hands it to the phone's dialer. */
export async function callPhone(phoneNumber: string): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    await Taro.makePhoneCall({ phoneNumber });
    return;
  }
  window.location.href = `tel:${phoneNumber}`;
}
