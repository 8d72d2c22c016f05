import type { InputOf } from '../shared/contracts';
import type { Role } from '../shared/domain/roles';
import { callFunction } from './transport';

export const fetchMe = () => callFunction('community', 'me', {});
export const fetchMyGridWorker = () => callFunction('community', 'getMyGridWorker', {});
export const fetchInbox = (cursor?: string) => callFunction('community', 'listInbox', { cursor, limit: 20 });
export const markInboxRead = (ids: string[]) => callFunction('community', 'markInboxRead', { ids });

export const submitRequest = (input: InputOf<'requests', 'submit'>) => callFunction('requests', 'submit', input);
export const fetchMyRequests = (cursor?: string) => callFunction('requests', 'listMine', { cursor, limit: 20 });
export const fetchRequest = (requestId: string) => callFunction('requests', 'get', { requestId });
export const cancelRequest = (requestId: string, reason = '') => callFunction('requests', 'cancel', { requestId, reason });
export const rateRequest = (requestId: string, stars: number, comment: string) => callFunction('requests', 'rate', { requestId, stars, comment });

export const fetchOffers = () => callFunction('requests', 'listOffers', {});
export const fetchTasks = (scope: 'open' | 'done', cursor?: string) => callFunction('requests', 'listTasks', { scope, cursor, limit: 20 });
export const acceptTask = (requestId: string) => callFunction('requests', 'accept', { requestId });
export const declineTask = (requestId: string) => callFunction('requests', 'decline', { requestId, reason: '' });
export const completeTask = (requestId: string, note: string, photos: string[]) => callFunction('requests', 'complete', { requestId, note, photos });

export const fetchMyPoints = (cursor?: string) => callFunction('points', 'getMine', { cursor, limit: 20 });

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

export const findSimilarRequests = (input: InputOf<'requests', 'findSimilar'>) => callFunction('requests', 'findSimilar', input);
export const reopenRequest = (requestId: string, reason: string) => callFunction('requests', 'reopen', { requestId, reason });
export const fetchRequestsForStaff = (scope: 'needs_manual' | 'held' | 'open' | 'escalated' | 'finished', cursor?: string) => callFunction('requests', 'listForStaff', { scope, cursor, limit: 20 });
export const fetchCandidates = (requestId: string) => callFunction('requests', 'listCandidates', { requestId });
export const releaseHeldRequest = (requestId: string) => callFunction('requests', 'releaseHeld', { requestId });
export const rejectHeldRequest = (requestId: string, reason: string) => callFunction('requests', 'rejectHeld', { requestId, reason });
export const assignRequest = (requestId: string, memberId: string, note = '') => callFunction('requests', 'assign', { requestId, memberId, note });
export const escalateRequest = (input: InputOf<'requests', 'escalate'>) => callFunction('requests', 'escalate', input);
export const recordEscalation = (input: InputOf<'requests', 'recordEscalation'>) => callFunction('requests', 'recordEscalation', input);
export const fetchDispatchPolicy = () => callFunction('requests', 'getDispatchPolicy', {});
export const updateDispatchPolicy = (input: InputOf<'requests', 'updateDispatchPolicy'>) => callFunction('requests', 'updateDispatchPolicy', input);
