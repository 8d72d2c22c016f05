import type { InputOf } from '../shared/contracts';
import { callFunction } from './transport';

/** One wrapper per action of the `requests` function. */

// The resident's requests.
export const submitRequest = (input: InputOf<'requests', 'submit'>) => callFunction('requests', 'submit', input);
export const findSimilarRequests = (input: InputOf<'requests', 'findSimilar'>) => callFunction('requests', 'findSimilar', input);
export const fetchMyRequests = (cursor?: string) => callFunction('requests', 'listMine', { cursor, limit: 20 });
export const fetchRequest = (requestId: string) => callFunction('requests', 'get', { requestId });
export const cancelRequest = (requestId: string, reason = '') => callFunction('requests', 'cancel', { requestId, reason });
export const rateRequest = (requestId: string, stars: number, comment: string) => callFunction('requests', 'rate', { requestId, stars, comment });
export const reopenRequest = (requestId: string, reason: string) => callFunction('requests', 'reopen', { requestId, reason });

// The member's offers and tasks.
export const fetchOffers = () => callFunction('requests', 'listOffers', {});
export const fetchTasks = (scope: 'open' | 'done', cursor?: string) => callFunction('requests', 'listTasks', { scope, cursor, limit: 20 });
export const acceptTask = (requestId: string) => callFunction('requests', 'accept', { requestId });
export const declineTask = (requestId: string) => callFunction('requests', 'decline', { requestId, reason: '' });
export const completeTask = (requestId: string, note: string, photos: string[]) => callFunction('requests', 'complete', { requestId, note, photos });

// 微心愿墙.
export const fetchWishes = (skill: string | undefined, maxDistanceM: number) => callFunction('requests', 'listWishes', { skill, maxDistanceM });
export const claimWish = (requestId: string) => callFunction('requests', 'claimWish', { requestId });

// Staff: 代办登记, held review, manual dispatch, escalation (吹哨) and the dispatch policy.
export const fileRequestOnBehalf = (input: InputOf<'requests', 'fileOnBehalf'>) => callFunction('requests', 'fileOnBehalf', input);
export const fetchRequestsForStaff = (scope: 'needs_manual' | 'held' | 'open' | 'escalated' | 'finished', cursor?: string) => callFunction('requests', 'listForStaff', { scope, cursor, limit: 20 });
export const fetchCandidates = (requestId: string) => callFunction('requests', 'listCandidates', { requestId });
export const releaseHeldRequest = (requestId: string) => callFunction('requests', 'releaseHeld', { requestId });
export const rejectHeldRequest = (requestId: string, reason: string) => callFunction('requests', 'rejectHeld', { requestId, reason });
export const assignRequest = (requestId: string, memberId: string, note = '') => callFunction('requests', 'assign', { requestId, memberId, note });
export const escalateRequest = (input: InputOf<'requests', 'escalate'>) => callFunction('requests', 'escalate', input);
export const recordEscalation = (input: InputOf<'requests', 'recordEscalation'>) => callFunction('requests', 'recordEscalation', input);
export const fetchDispatchPolicy = () => callFunction('requests', 'getDispatchPolicy', {});
export const updateDispatchPolicy = (input: InputOf<'requests', 'updateDispatchPolicy'>) => callFunction('requests', 'updateDispatchPolicy', input);
