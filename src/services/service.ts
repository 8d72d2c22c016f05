import type { InputOf } from '../shared/contracts';
import type { LatLng } from '../shared/domain/geo';
import { callFunction } from './transport';

export const checkInDuty = (servicePointId: string, location: LatLng) => callFunction('service', 'checkIn', { servicePointId, location });
export const checkOutDuty = (location: LatLng) => callFunction('service', 'checkOut', { location });
export const fetchMyServiceRecord = () => callFunction('service', 'getMyRecord', {});
export const fetchOnDuty = () => callFunction('service', 'listOnDuty', {});
export const createActivity = (input: InputOf<'service', 'createActivity'>) => callFunction('service', 'createActivity', input);
export const fetchActivities = (scope: 'upcoming' | 'past') => callFunction('service', 'listActivities', { scope });
export const fetchActivity = (activityId: string) => callFunction('service', 'getActivity', { activityId });
export const signUpActivity = (activityId: string) => callFunction('service', 'signUp', { activityId });
export const cancelActivitySignUp = (activityId: string) => callFunction('service', 'cancelSignUp', { activityId });
export const checkInActivity = (activityId: string, location: LatLng) => callFunction('service', 'checkInActivity', { activityId, location });
export const checkOutActivity = (activityId: string, location: LatLng) => callFunction('service', 'checkOutActivity', { activityId, location });
export const fetchRoster = (activityId: string) => callFunction('service', 'getRoster', { activityId });
export const markActivityLeave = (activityId: string, memberId: string) => callFunction('service', 'markLeave', { activityId, memberId });
export const completeActivity = (activityId: string) => callFunction('service', 'completeActivity', { activityId });
