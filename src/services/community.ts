import type { InputOf } from '../shared/contracts';
import type { SceneKind } from '../shared/domain/scene';
import type { SubscribeTemplateKey } from '../shared/domain/subscribe-templates';
import { callFunction } from './transport';

export const fetchMe = () => callFunction('community', 'me', {});
export const fetchMyGridWorker = () => callFunction('community', 'getMyGridWorker', {});
export const fetchInbox = (cursor?: string) => callFunction('community', 'listInbox', { cursor, limit: 20 });
export const markInboxRead = (ids: string[]) => callFunction('community', 'markInboxRead', { ids });

export const resolveScene = (scene: string) => callFunction('community', 'resolveScene', { scene });
export const joinCommunity = (input: InputOf<'community', 'join'>) => callFunction('community', 'join', input);
export const fetchSettings = () => callFunction('community', 'getSettings', {});
export const applyMember = (input: InputOf<'community', 'applyMember'>) => callFunction('community', 'applyMember', input);
export const fetchMyApplication = () => callFunction('community', 'getMyApplication', {});
export const setOnLeave = (onLeave: boolean) => callFunction('community', 'setOnLeave', { onLeave });
export const claimPost = (post: string, claim: boolean) => callFunction('community', 'claimPost', { post, claim });
export const joinShop = (code: string) => callFunction('community', 'joinShop', { code });

export const fetchApplications = (status: 'pending' | 'approved' | 'rejected', cursor?: string) => callFunction('community', 'listApplications', { status, cursor, limit: 20 });
export const reviewApplication = (userId: string, decision: 'approve' | 'reject', reason: string) => callFunction('community', 'reviewApplication', { userId, decision, reason });
export const fetchMembers = (keyword?: string, cursor?: string) => callFunction('community', 'listMembers', { keyword, cursor, limit: 20, status: 'approved' });
export const fetchResidents = (keyword?: string, cursor?: string) => callFunction('community', 'listResidents', { keyword, cursor, limit: 20 });
export const fetchGrids = () => callFunction('community', 'listGrids', {});
export const revokeRole = (userId: string, role: 'grid_worker' | 'shop_staff') => callFunction('community', 'revokeRole', { userId, role });
export const createGrid = (name: string) => callFunction('community', 'createGrid', { name });
export const assignGridWorker = (userId: string, gridId: string) => callFunction('community', 'assignGridWorker', { userId, gridId });
export const fetchBuildings = (gridId?: string) => callFunction('community', 'listBuildings', { gridId });
export const createBuilding = (name: string, gridId: string) => callFunction('community', 'createBuilding', { name, gridId });
export const fetchHouseholds = (keyword?: string, cursor?: string) => callFunction('community', 'listHouseholds', { keyword, cursor, limit: 20 });
export const createHousehold = (buildingId: string, door: string) => callFunction('community', 'createHousehold', { buildingId, door });
export const fetchCentralHouseholds = (cursor?: string) => callFunction('community', 'listCentralHouseholds', { cursor, limit: 20 });
export const saveCentralHousehold = (input: InputOf<'community', 'saveCentralHousehold'>) => callFunction('community', 'saveCentralHousehold', input);
export const updateSettings = (skills: string[], posts: string[]) => callFunction('community', 'updateSettings', { skills, posts });
export const fetchShops = () => callFunction('community', 'listShops', {});
export const createShop = (input: InputOf<'community', 'createShop'>) => callFunction('community', 'createShop', input);
export const fetchServicePoints = () => callFunction('community', 'listServicePoints', {});
export const saveServicePoint = (input: InputOf<'community', 'saveServicePoint'>) => callFunction('community', 'saveServicePoint', input);
export const fetchQrCode = (kind: SceneKind, id: string) => callFunction('community', 'getQrCode', { kind, id });
export const fetchCommunities = () => callFunction('community', 'listCommunities', {});
/** Tells the server which one-time subscribe messages the user just allowed (one message each). */
export const grantSubscriptions = (templateKeys: SubscribeTemplateKey[]) => callFunction('community', 'grantSubscriptions', { templateKeys });
