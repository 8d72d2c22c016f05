import type { TRequestDetail, TSubmitRequestInput } from '../../../shared/contracts/requests';
import { checkRequestText } from '../../content/check-user-text';
import { createRequest, prepareRequest, retriedRequest } from './create-request';
import { toRequestDetail } from '../../views/request-view';
import { checkPhotosExist } from '../check-photos';
import type { ActionContext } from '../context';

export async function submitRequest({ runtime, caller }: ActionContext, input: TSubmitRequestInput): Promise<TRequestDetail> {
  await checkPhotosExist(runtime.files, input.photos, 'photos');
  // Outside the transaction (a call out that may be retried): risky words are refused, 'review' is held.
  const { held } = await checkRequestText(runtime, caller, input.description);
  const now = runtime.clock.now();
  // Similar requests and the candidate search read committed data: made before the transaction, which
  // then only re-checks the token and writes (the offer round checks the request is still in round 0).
  const prepared = await runtime.store.read((reader) => prepareRequest(reader, caller, input, now, held));
  return runtime.store.transaction(async (tx) => {
    const [byToken] = await Promise.all([tx.requests.findByClientToken(caller.id, input.clientToken), tx.requests.findByFiler(caller.id, input.clientToken)]);
    const earlier = retriedRequest(byToken, input);
    if (earlier) return toRequestDetail(tx, runtime, caller, earlier);
    const request = await createRequest(tx, { resident: caller, filer: caller, input, now, held, prepared });
    return toRequestDetail(tx, runtime, caller, request);
  });
}
