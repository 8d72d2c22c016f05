import type { TSaveServicePointInput } from '../../../shared/contracts/community';
import { AppError } from '../../../shared/errors';
import { minutesOf } from '../../../shared/domain/structure-rules';
import { requireSameCommunity } from '../community-scope';
import { newId } from '../../ids';
import type { ActionContext } from '../context';

/** A service point (服务区 / 代办窗口) where members check in; its QR code carries `sp=<id>`. */
export async function saveServicePoint({ runtime, caller }: ActionContext, input: TSaveServicePointInput) {
  if (minutesOf(input.openingHours.close) <= minutesOf(input.openingHours.open)) {
    throw new AppError('VALIDATION_FAILED', '关门时间要晚于开门时间', [{ path: ['openingHours', 'close'], message: '关门时间要晚于开门时间' }]);
  }
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const existing = input.id ? await tx.servicePoints.get(input.id) : null;
    if (input.id && !existing) throw new AppError('NOT_FOUND', '没有找到该服务点');
    if (existing) requireSameCommunity(caller, existing.communityId);
    const point = {
      id: existing?.id ?? newId('sp'),
      communityId: caller.communityId,
      name: input.name,
      kind: input.kind,
      location: input.location,
      radiusM: input.radiusM,
      openingHours: { weekdays: [...new Set(input.openingHours.weekdays)].sort(), open: input.openingHours.open, close: input.openingHours.close },
      createdAt: existing?.createdAt ?? now,
    };
    await tx.servicePoints.save(point);
    const { id, name, kind, location, radiusM, openingHours } = point;
    return { id, name, kind, location, radiusM, openingHours };
  });
}
