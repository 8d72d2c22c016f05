import type { InputOf } from '../shared/contracts';
import { callFunction } from './transport';

export const createDeliberation = (input: InputOf<'deliberations', 'createDraft'>) => callFunction('deliberations', 'createDraft', input);
export const publishDeliberation = (deliberationId: string) => callFunction('deliberations', 'publish', { deliberationId });
export const fetchDeliberations = (cursor?: string) => callFunction('deliberations', 'list', { cursor, limit: 20 });
export const fetchDeliberation = (deliberationId: string) => callFunction('deliberations', 'get', { deliberationId });
export const voteDeliberation = (deliberationId: string, option: number) => callFunction('deliberations', 'vote', { deliberationId, option });
export const commentDeliberation = (deliberationId: string, text: string) => callFunction('deliberations', 'comment', { deliberationId, text });
export const decideDeliberation = (input: InputOf<'deliberations', 'decide'>) => callFunction('deliberations', 'decide', input);
export const announceDeliberation = (deliberationId: string) => callFunction('deliberations', 'announce', { deliberationId });
