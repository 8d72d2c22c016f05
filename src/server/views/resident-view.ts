import type { z } from 'zod';
import type { zResidentView } from '../../shared/contracts/community';
import { REVOCABLE_ROLES } from '../../shared/domain/roles';
import type { UserRecord } from '../ports';

export function toResidentView(user: UserRecord, gridNames: ReadonlyMap<string, string>): z.infer<typeof zResidentView> {
  return {
    id: user.id,
    name: user.name,
    phone: user.phone,
    address: user.address,
    gridName: user.gridId ? (gridNames.get(user.gridId) ?? null) : null,
    home: user.home,
    duties: REVOCABLE_ROLES.filter((role) => user.roles.includes(role)),
  };
}
