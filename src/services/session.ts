import Taro from '@tarojs/taro';
import type { Role } from '../shared/domain/roles';

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

export interface DemoUser {
  openid: string;
  name: string;
  roles: Role[];
}

export interface DemoDirectory {
  users: DemoUser[];
  communities: { id: string; name: string }[];
}

/** Local host only: the demo users offered by the "模拟微信登录" picker, and communities to join as a new user. */
export async function fetchDemoDirectory(): Promise<DemoDirectory> {
  const response = await fetch('/local/demo-users');
  const envelope = (await response.json()) as { ok: boolean; data: DemoDirectory };
  return envelope.ok ? envelope.data : { users: [], communities: [] };
}
