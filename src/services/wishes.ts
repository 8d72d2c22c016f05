import { callFunction } from './transport';

export const fetchWishes = (skill: string | undefined, maxDistanceM: number) => callFunction('requests', 'listWishes', { skill, maxDistanceM });
export const claimWish = (requestId: string) => callFunction('requests', 'claimWish', { requestId });
