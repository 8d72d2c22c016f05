import type { TFindSimilarRequestsInput } from '../../../shared/contracts/requests';
import { CATEGORY_BEHAVIOUR } from '../../../shared/domain/categories';
import { distanceMeters } from '../../../shared/domain/geo';
import { findSimilarOpenRequests } from './find-similar';
import type { ActionContext } from '../context';

const SHOWN = 3;

/**
 * Before submitting: open requests of the same kind within 50 m in the last 3 days, so the resident can
 * see it is probably already reported. Only the kind, how far and how long ago: never another
 * resident's words or request; and for private matters (mediation, home visits) not even that.
 * Staff see the link itself, with its text, on the request (duplicateOf).
 */
export async function findSimilarRequests({ runtime, caller }: ActionContext, input: TFindSimilarRequestsInput) {
  if (!CATEGORY_BEHAVIOUR[input.category].publishable) return { items: [] };
  const now = runtime.clock.now();
  return runtime.store.read(async (tx) => {
    const similar = await findSimilarOpenRequests(tx, caller.communityId, input.category, input.location, now, SHOWN);
    return {
      items: similar.map((request) => ({
        category: request.category,
        distanceM: Math.round(distanceMeters(input.location, request.location)),
        minutesAgo: Math.max(0, Math.floor((now - request.createdAt) / 60_000)),
      })),
    };
  });
}
