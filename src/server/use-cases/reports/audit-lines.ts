import type { TAuditLine } from '../../../shared/contracts/reports';
import { AUDITED_ACTIONS } from '../../../shared/domain/audit';
import type { ActionName } from '../../../shared/domain/permissions';
import { ROLE_LABELS } from '../../../shared/domain/roles';
import { AppError } from '../../../shared/errors';
import type { AuditEntry, Caller, Tx } from '../../ports';

/** Whose log the caller reads: an admin their community's; a district viewer the district's, or one community of it. */
export async function auditCommunities(tx: Tx, caller: Caller, communityId: string | undefined): Promise<string[]> {
  if (!caller.roles.includes('district_viewer')) return [caller.communityId];
  const home = await tx.communities.get(caller.communityId);
  if (!home) throw new AppError('NOT_FOUND', '没有找到所在社区');
  const district = (await tx.communities.listInDistrict(home.districtId)).map((community) => community.id);
  if (communityId === undefined) return district;
  if (!district.includes(communityId)) throw new AppError('FORBIDDEN', '只能查看本辖区的社区');
  return [communityId];
}

export function toAuditLine(entry: AuditEntry): TAuditLine {
  return {
    id: entry.id,
    at: new Date(entry.at).toISOString(),
    communityId: entry.communityId,
    actorName: entry.actorName,
    actorRoles: entry.actorRoles.map((role) => ROLE_LABELS[role]).join('、'),
    action: entry.action,
    actionLabel: AUDITED_ACTIONS[entry.action as ActionName] ?? entry.action,
    targetId: entry.targetId,
    detail: entry.detail,
  };
}
