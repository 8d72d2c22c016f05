import type { TStatisticsInput } from '../../../shared/contracts/reports';
import { AppError } from '../../../shared/errors';
import { loadGrid } from '../community-scope';
import type { Caller, StatsScope, Tx } from '../../ports';

export interface ResolvedScope {
  kind: 'community' | 'grid' | 'district';
  name: string;
  scope: StatsScope;
  /** Areas to break requests down by: grids of a community, communities of a district. */
  areas: { id: string; name: string }[];
  areaOf: 'grid' | 'community';
}

/**
 * Admins and grid workers see their community or one of its grids; a district viewer sees the
 * whole district or any community in it.
 */
export async function resolveStatisticsScope(tx: Tx, caller: Caller, input: Pick<TStatisticsInput, 'scope' | 'communityId' | 'gridId'>): Promise<ResolvedScope> {
  const home = await tx.communities.get(caller.communityId);
  if (!home) throw new AppError('NOT_FOUND', '没有找到您所在的社区');
  const districtViewer = caller.roles.includes('district_viewer');
  if (input.scope === 'district') {
    if (!districtViewer) throw new AppError('FORBIDDEN', '只有街道/区级账号可以查看全辖区统计');
    const communities = await tx.communities.listInDistrict(home.districtId);
    return { kind: 'district', name: '全辖区', scope: { communityIds: communities.map((community) => community.id), gridId: null }, areas: communities.map(({ id, name }) => ({ id, name })), areaOf: 'community' };
  }
  let community = home;
  if (input.communityId && input.communityId !== home.id) {
    const other = districtViewer ? await tx.communities.get(input.communityId) : null;
    if (!other || other.districtId !== home.districtId) throw new AppError('FORBIDDEN', '只能查看本辖区的社区');
    community = other;
  }
  const grids = await tx.communities.listGrids(community.id);
  if (input.scope === 'grid') {
    if (!input.gridId) throw new AppError('VALIDATION_FAILED', '请选择网格', [{ path: ['gridId'], message: '请选择网格' }]);
    const grid = await loadGrid(tx, { ...caller, communityId: community.id }, input.gridId);
    return { kind: 'grid', name: `${community.name} ${grid.name}`, scope: { communityIds: [community.id], gridId: grid.id }, areas: [{ id: grid.id, name: grid.name }], areaOf: 'grid' };
  }
  return { kind: 'community', name: community.name, scope: { communityIds: [community.id], gridId: null }, areas: grids.map(({ id, name }) => ({ id, name })), areaOf: 'grid' };
}
