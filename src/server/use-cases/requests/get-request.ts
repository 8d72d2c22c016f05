import type { TRequestDetail, TRequestRef } from '../../../shared/contracts/requests';
import { loadVisibleRequest, toRequestDetail } from '../../views/request-view';
import type { ActionContext } from '../context';

export async function getRequest({ runtime, caller }: ActionContext, input: TRequestRef): Promise<TRequestDetail> {
  return runtime.store.read(async (tx) => toRequestDetail(tx, runtime, caller, await loadVisibleRequest(tx, caller, input.requestId)));
}
