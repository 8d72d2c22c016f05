import { AppError } from '../../shared/errors';
import type { BuildingRecord, Caller, GridRecord, HouseholdRecord, MemberRecord, Tx, UserRecord } from '../ports';

/** Admins and grid workers act only inside their own community. */
export function requireSameCommunity(caller: Caller, communityId: string): void {
  if (caller.communityId !== communityId) throw new AppError('FORBIDDEN', '只能管理本社区的事务');
}

export async function loadGrid(tx: Tx, caller: Caller, gridId: string): Promise<GridRecord> {
  const grid = await tx.communities.getGrid(gridId);
  if (!grid) throw new AppError('NOT_FOUND', '没有找到该网格');
  requireSameCommunity(caller, grid.communityId);
  return grid;
}

export async function loadBuilding(tx: Tx, caller: Caller, buildingId: string): Promise<BuildingRecord> {
  const building = await tx.communities.getBuilding(buildingId);
  if (!building) throw new AppError('NOT_FOUND', '没有找到该楼栋');
  requireSameCommunity(caller, building.communityId);
  return building;
}

export async function loadHousehold(tx: Tx, caller: Caller, householdId: string): Promise<HouseholdRecord> {
  const household = await tx.communities.getHousehold(householdId);
  if (!household) throw new AppError('NOT_FOUND', '没有找到该住户');
  requireSameCommunity(caller, household.communityId);
  return household;
}

export async function loadUser(tx: Tx, caller: Caller, userId: string): Promise<UserRecord> {
  const user = await tx.users.getById(userId);
  if (!user) throw new AppError('NOT_FOUND', '没有找到该用户');
  requireSameCommunity(caller, user.communityId);
  return user;
}

export async function loadMember(tx: Tx, caller: Caller, userId: string): Promise<MemberRecord> {
  const member = await tx.members.get(userId);
  if (!member) throw new AppError('NOT_FOUND', '没有找到该党员或志愿者');
  requireSameCommunity(caller, member.communityId);
  return member;
}

export async function loadApprovedMember(tx: Tx, caller: Caller, userId: string): Promise<MemberRecord> {
  const member = await loadMember(tx, caller, userId);
  if (member.status !== 'approved') throw new AppError('CONFLICT', '该成员还没有通过审核');
  return member;
}

export function withRole<T extends string>(roles: readonly T[], role: T): T[] {
  return roles.includes(role) ? [...roles] : [...roles, role];
}
