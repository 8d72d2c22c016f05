import type { InputOf } from '../shared/contracts';
import type { TDemandFilter } from '../shared/contracts/ledgers';
import type { ProjectStatus } from '../shared/domain/project-rules';
import { callFunction } from './transport';

/** 民意民盼台账 and 民生实事台账: one wrapper per action of the `ledgers` function. */
export const fetchDemand = (filter: TDemandFilter, cursor?: string) => callFunction('ledgers', 'listDemand', { ...filter, cursor, limit: 20 });
export const replySuggestion = (requestId: string, adopted: boolean, reply: string) => callFunction('ledgers', 'replySuggestion', { requestId, adopted, reply });

export const createProject = (input: InputOf<'ledgers', 'createProject'>) => callFunction('ledgers', 'createProject', input);
export const fetchProjects = (status?: ProjectStatus, cursor?: string) => callFunction('ledgers', 'listProjects', { status, cursor, limit: 20 });
export const fetchProject = (projectId: string) => callFunction('ledgers', 'getProject', { projectId });
export const addProjectProgress = (projectId: string, text: string, percent: number) => callFunction('ledgers', 'addProgress', { projectId, text, percent });
export const completeMilestone = (projectId: string, index: number) => callFunction('ledgers', 'completeMilestone', { projectId, index });
export const publishProject = (projectId: string, title: string, summary: string) => callFunction('ledgers', 'publishProject', { projectId, title, summary });
export const writeOffProject = (projectId: string, note: string) => callFunction('ledgers', 'writeOffProject', { projectId, note });
export const fetchProjectOwners = () => callFunction('ledgers', 'listOwners', {});

/** 晒清单: what residents see and support. */
export const fetchPublishedProjects = (cursor?: string) => callFunction('ledgers', 'listPublished', { cursor, limit: 20 });
export const supportProject = (projectId: string) => callFunction('ledgers', 'supportProject', { projectId });
