import type { TRequestDetail, TSubmitRequestInput } from '../../shared/contracts/requests';
import { createRequest } from '../requests/create-request';
import { toRequestDetail } from '../views/request-view';
import { checkPhotosExist } from './check-photos';
import type { ActionContext } from './context';

export async function submitRequest({ runtime, caller }: ActionContext, input: TSubmitRequestInput): Promise<TRequestDetail> {
  await checkPhotosExist(runtime.files, input.photos, 'photos');
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const earlier = await tx.requests.findByClientToken(caller.id, input.clientToken);
    if (earlier) return toRequestDetail(tx, runtime, caller, earlier);
    const request = await createRequest(tx, { resident: caller, filer: caller, input, now });
    return toRequestDetail(tx, runtime, caller, request);
  });
}
