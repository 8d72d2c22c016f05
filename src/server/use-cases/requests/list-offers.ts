import type { TRequestView } from '../../../shared/contracts/requests';
import { toRequestView } from '../../views/request-view';
import type { ActionContext } from '../context';

/** Offers waiting for this member's answer, newest first, contact masked. */
export async function listOffers({ runtime, caller }: ActionContext): Promise<{ items: TRequestView[] }> {
  const now = runtime.clock.now();
  return runtime.store.read(async (tx) => {
    const offers = await tx.offers.listPendingForMember(caller.id, now);
    const requests = new Map((await tx.requests.listIds(offers.map((offer) => offer.requestId))).map((request) => [request.id, request]));
    const items: TRequestView[] = [];
    for (const offer of offers) {
      const request = requests.get(offer.requestId);
      if (request && request.state === 'dispatching') items.push(await toRequestView(tx, runtime, caller, request));
    }
    return { items };
  });
}
