import { distanceMeters, type LatLng } from '../../../shared/domain/geo';
import { tooFarMessage } from '../../../shared/domain/service-rules';
import { AppError } from '../../../shared/errors';
import type { ActivityRecord, Caller, Tx } from '../../ports';

/** Duty and activities are for approved members and volunteers. */
export async function requireApprovedMember(tx: Tx, caller: Caller): Promise<void> {
  const member = await tx.members.get(caller.id);
  if (!member || member.status !== 'approved') throw new AppError('FORBIDDEN', '通过党员或志愿者报到审核后才能签到');
}

/** Refuses a position outside the circle, saying how far away the caller is. */
export function requireWithin(place: string, center: LatLng, radiusM: number, position: LatLng): void {
  const distance = distanceMeters(center, position);
  if (distance > radiusM) throw new AppError('VALIDATION_FAILED', tooFarMessage(place, distance, radiusM), [{ path: ['location'], message: '不在签到范围内' }]);
}

export async function loadActivity(tx: Tx, caller: Caller, activityId: string): Promise<ActivityRecord> {
  const activity = await tx.service.getActivity(activityId);
  if (!activity || activity.communityId !== caller.communityId) throw new AppError('NOT_FOUND', '没有找到这个活动');
  return activity;
}
