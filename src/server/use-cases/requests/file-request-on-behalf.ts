import type { TFileOnBehalfInput, TRequestDetail } from '../../../shared/contracts/requests';
import { AppError } from '../../../shared/errors';
import { loadBuilding, loadUser } from '../community-scope';
import { checkRequestText } from '../../content/check-user-text';
import { newId } from '../../ids';
import type { UserRecord } from '../../ports';
import { createRequest, retriedRequest } from './create-request';
import { toRequestDetail } from '../../views/request-view';
import { checkPhotosExist } from '../check-photos';
import type { ActionContext } from '../context';

/**
 * 代办登记: an admin or grid worker files a request for a resident without a phone. A resident not yet
 * known is recorded (without a WeChat identity); the filer is kept on the request and in its timeline.
 */
export async function fileRequestOnBehalf({ runtime, caller }: ActionContext, input: TFileOnBehalfInput): Promise<TRequestDetail> {
  await checkPhotosExist(runtime.files, input.photos, 'photos');
  // Checked like a resident's own words (with the filer's identity), outside the transaction.
  const { held } = await checkRequestText(runtime, caller, input.description);
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const earlier = retriedRequest(await tx.requests.findByFiler(caller.id, input.clientToken), input);
    if (earlier) return toRequestDetail(tx, runtime, caller, earlier);

    let resident: UserRecord;
    if (input.residentId) {
      resident = await loadUser(tx, caller, input.residentId);
      if (!resident.roles.includes('resident')) throw new AppError('VALIDATION_FAILED', '请选择一位居民', [{ path: ['residentId'], message: '不是居民' }]);
    } else if (input.newResident) {
      const building = input.newResident.buildingId ? await loadBuilding(tx, caller, input.newResident.buildingId) : null;
      resident = {
        id: newId('u'),
        // Never matches a real OPENID: this person cannot sign in until they scan the code themselves.
        openid: `offline-${newId('o')}`,
        name: input.newResident.name,
        // Without a phone of their own, members call the filer, who knows how to reach them.
        phone: input.newResident.phone ?? caller.phone,
        communityId: caller.communityId,
        gridId: building?.gridId ?? caller.gridId,
        householdId: null,
        roles: ['resident'],
        address: input.address,
        home: input.location,
        createdAt: now,
      };
      await tx.users.insert(resident);
    } else {
      throw new AppError('VALIDATION_FAILED', '请选择居民或填写居民信息', [{ path: ['residentId'], message: '请选择居民' }]);
    }
    const request = await createRequest(tx, { resident, filer: caller, input: { ...input, contactPhone: input.contactPhone ?? resident.phone }, now, held });
    return toRequestDetail(tx, runtime, caller, request);
  });
}
