import type { RequestCategory } from '../../../shared/domain/categories';
import type { LatLng } from '../../../shared/domain/geo';
import { VISIBLE_OPEN_STATES } from '../../../shared/domain/request-state';
import type { RequestRecord, Tx } from '../../ports';

export const SIMILAR_RADIUS_M = 50;
export const SIMILAR_WINDOW_DAYS = 3;

/** Open (reviewed) requests of the same category within 50 m from the last 3 days: probably the same problem. */
export function findSimilarOpenRequests(tx: Tx, communityId: string, category: RequestCategory, location: LatLng, now: number, limit: number): Promise<RequestRecord[]> {
  return tx.requests.findSimilar({
    communityId,
    category,
    center: location,
    radiusM: SIMILAR_RADIUS_M,
    since: now - SIMILAR_WINDOW_DAYS * 24 * 60 * 60 * 1000,
    // A held request is not shown to other residents (nor taken as the original of a duplicate) before review.
    states: VISIBLE_OPEN_STATES,
    limit,
  });
}
