import type { TMe, TJoinCommunityInput } from '../../../shared/contracts/community';
import { AppError } from '../../../shared/errors';
import { bindShopStaff } from './bind-shop-staff';
import { consentOf } from '../privacy/record-consent';
import { resolveSceneTarget } from './scene-target';
import { newId } from '../../ids';
import type { HouseholdRecord, Tx, UserRecord } from '../../ports';
import { toMeView } from '../../views/me-view';
import type { VisitorContext } from '../context';

/** Scanning a community, grid, service-point or shop-invite code binds the caller to that community (and household). */
export async function joinCommunity({ runtime, caller, openid }: VisitorContext, input: TJoinCommunityInput): Promise<TMe> {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const target = await resolveSceneTarget(tx, input.scene);
    const communityId = target.community.id;
    if (caller && caller.communityId !== communityId && caller.roles.some((role) => role !== 'resident')) {
      throw new AppError('CONFLICT', '您在其他社区担任党员或工作人员，请联系社区管理员办理转移');
    }

    const household = input.buildingId ? await findOrCreateHousehold(tx, communityId, input.buildingId, input.door) : null;
    const gridId = household?.gridId ?? target.grid?.id ?? (caller?.communityId === communityId ? caller.gridId : null);
    const address = household?.address ?? (caller?.communityId === communityId ? caller.address : '');

    let user: UserRecord;
    if (caller) {
      await tx.users.update(caller.id, {
        name: input.name,
        phone: input.phone,
        communityId,
        gridId,
        householdId: household?.id ?? (caller.communityId === communityId ? caller.householdId : null),
        address,
      });
      user = (await tx.users.getById(caller.id)) ?? caller;
    } else {
      user = {
        id: newId('u'),
        openid,
        name: input.name,
        phone: input.phone,
        communityId,
        gridId,
        householdId: household?.id ?? null,
        roles: ['resident'],
        address,
        home: null,
        createdAt: now,
      };
      await tx.users.insert(user);
    }
    if (target.shop) await bindShopStaff(tx, user, target.shop, now);
    // Typing the phone number under the join form's notice is the consent to its use (用户隐私保护指引).
    await tx.consents.grant(consentOf(user.id, 'phone', now));
    return toMeView(tx, (await tx.users.getById(user.id)) ?? user);
  });
}

async function findOrCreateHousehold(tx: Tx, communityId: string, buildingId: string, door: string | undefined): Promise<HouseholdRecord> {
  const building = await tx.communities.getBuilding(buildingId);
  if (!building || building.communityId !== communityId) throw new AppError('NOT_FOUND', '没有找到该楼栋，请重新选择');
  const address = door ? `${building.name} ${door}` : building.name;
  const existing = await tx.communities.findHousehold(building.id, address);
  if (existing) return existing;
  if (!door) throw new AppError('VALIDATION_FAILED', '请填写门牌号', [{ path: ['door'], message: '请填写门牌号' }]);
  const household: HouseholdRecord = { id: newId('h'), communityId, gridId: building.gridId, buildingId: building.id, address };
  await tx.communities.insertHousehold(household);
  return household;
}
