import type { TDutyView, TCheckInDutyInput } from '../../../shared/contracts/service';
import { isOpenAt, openingHoursText } from '../../../shared/domain/service-rules';
import { AppError } from '../../../shared/errors';
import { newId } from '../../ids';
import { requireApprovedMember, requireWithin } from './service-guards';
import { toDutyView } from '../../views/service-view';
import type { ActionContext } from '../context';

/** Starts a duty at a service point: on the spot, in opening hours, and not on duty anywhere else. */
export async function checkInDuty({ runtime, caller }: ActionContext, input: TCheckInDutyInput): Promise<TDutyView> {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    await requireApprovedMember(tx, caller);
    const point = await tx.servicePoints.get(input.servicePointId);
    if (!point || point.communityId !== caller.communityId) throw new AppError('NOT_FOUND', '没有找到这个服务点，请扫描本社区服务点的二维码');
    const open = await tx.service.findOpenDuty(caller.id);
    if (open) {
      const time = new Date(open.checkInAt).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });
      if (open.servicePointId === point.id) throw new AppError('CONFLICT', `您已在${time}签到「${point.name}」，无需重复签到`);
      const other = await tx.servicePoints.get(open.servicePointId);
      throw new AppError('CONFLICT', `您在「${other?.name ?? '其他服务点'}」的值守还没有签退，请先签退`);
    }
    if (!isOpenAt(point.openingHours, now)) throw new AppError('VALIDATION_FAILED', `「${point.name}」现在不在值守时间（${openingHoursText(point.openingHours)}）`);
    requireWithin(`「${point.name}」`, point.location, point.radiusM, input.location);
    const duty = { id: newId('dt'), communityId: point.communityId, memberId: caller.id, servicePointId: point.id, checkInAt: now, checkInLocation: input.location, status: 'open' as const, checkOutAt: null, closedBy: null, minutes: null, points: null };
    // The store allows one open duty per member, so two racing check-ins leave one.
    if (!(await tx.service.insertDuty(duty))) throw new AppError('CONFLICT', '您已经在值守中，请刷新查看');
    return toDutyView(duty, point.name);
  });
}
