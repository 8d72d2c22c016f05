import type { TRequestDetail } from '../../shared/contracts/requests';
import { loadRequestFor, toRequestDetail } from '../views/request-view';
import type { ActionContext } from './context';

export async function getRequest({ runtime, caller }: ActionContext, input: { requestId: string }): Promise<TRequestDetail> {
  return runtime.store.read(async (tx) => {
    const { request, access } = await loadRequestFor(tx, caller, input.requestId);
    return toRequestDetail(tx, runtime.files, request, access);
  });
}
