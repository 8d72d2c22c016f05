import type { TFindSimilarRequestsInput } from '../../../shared/contracts/requests';
import { distanceMeters } from '../../../shared/domain/geo';
import { findSimilarOpenRequests } from './find-similar';
import type { ActionContext } from '../context';

const SHOWN = 3;

/** Before submitting: open requests of the same kind within 50 m in the last 3 days, so the resident can see it is already reported. */
export async function findSimilarRequests({ runtime, caller }: ActionContext, input: TFindSimilarRequestsInput) {
  const now = runtime.clock.now();
  return runtime.store.read(async (tx) => {
    const similar = await findSimilarOpenRequests(tx, caller.communityId, input.category, input.location, now, SHOWN);
    return {
      items: similar.map((request) => ({
        id: request.id,
        category: request.category,
        // Other residents' words stay short and carry no contact details.
        summary: request.description.slice(0, 30),
        state: request.state,
        distanceM: Math.round(distanceMeters(input.location, request.location)),
        createdAt: new Date(request.createdAt).toISOString(),
      })),
    };
  });
}
