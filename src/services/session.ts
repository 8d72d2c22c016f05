import Taro from '@tarojs/taro';

const OPENID_KEY = 'daiban.localOpenid';

/** Only the local H5 app keeps an openid: it is the "模拟微信登录" choice. In WeChat the cloud knows the caller. */
export function getLocalOpenid(): string | null {
  const value = Taro.getStorageSync(OPENID_KEY) as string | undefined;
  return value ? value : null;
}

export function setLocalOpenid(openid: string): void {
  Taro.setStorageSync(OPENID_KEY, openid);
}

export function clearLocalOpenid(): void {
  Taro.removeStorageSync(OPENID_KEY);
}

export const isLocalH5 = process.env.TARO_ENV === 'h5';
