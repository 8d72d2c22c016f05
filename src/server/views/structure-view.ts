import type { z } from 'zod';
import type { zBuildingView, zCentralHouseholdView, zGridView, zHouseholdView } from '../../shared/contracts/community';
import { centralHouseholdWarning } from '../../shared/domain/structure-rules';
import type { BuildingRecord, CentralHouseholdRecord, GridRecord, HouseholdRecord, StructureCounts, Tx } from '../ports';

export async function toGridViews(tx: Tx, communityId: string, grids: readonly GridRecord[], counts: StructureCounts): Promise<z.infer<typeof zGridView>[]> {
  const workers = await tx.users.listByRole(communityId, 'grid_worker');
  return grids.map((grid) => ({
    id: grid.id,
    name: grid.name,
    workers: workers.filter((worker) => worker.gridId === grid.id).map((worker) => ({ id: worker.id, name: worker.name })),
    buildingCount: counts.buildingsByGrid[grid.id] ?? 0,
    memberCount: counts.membersByGrid[grid.id] ?? 0,
  }));
}

export function toBuildingView(building: BuildingRecord, gridNames: Map<string, string>, counts: StructureCounts): z.infer<typeof zBuildingView> {
  return {
    id: building.id,
    name: building.name,
    gridId: building.gridId,
    gridName: building.gridId ? (gridNames.get(building.gridId) ?? null) : null,
    householdCount: counts.householdsByBuilding[building.id] ?? 0,
  };
}

export async function toHouseholdViews(tx: Tx, households: readonly HouseholdRecord[]): Promise<z.infer<typeof zHouseholdView>[]> {
  const people = await tx.members.householdPeople(households.map((household) => household.id));
  return households.map((household) => ({
    id: household.id,
    address: household.address,
    buildingId: household.buildingId,
    residentNames: people[household.id]?.residents ?? [],
    linkedMemberNames: people[household.id]?.members ?? [],
  }));
}

export async function toCentralHouseholdView(tx: Tx, record: CentralHouseholdRecord): Promise<z.infer<typeof zCentralHouseholdView>> {
  const members = await tx.users.listByIds(record.memberIds);
  const warning = centralHouseholdWarning(record.memberIds.length);
  return {
    id: record.id,
    name: record.name,
    gridId: record.gridId,
    householdId: record.householdId,
    members: members.map((member) => ({ id: member.id, name: member.name })).sort((a, b) => a.name.localeCompare(b.name, 'zh')),
    warnings: warning ? [warning] : [],
  };
}
