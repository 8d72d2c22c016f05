import type { Page } from '../../../shared/contracts/common';
import type { TRequestView, TListTasksInput } from '../../../shared/contracts/requests';
import type { RequestState } from '../../../shared/domain/request-state';
import { toRequestView } from '../../views/request-view';
import type { ActionContext } from '../context';

const SCOPES: Record<'open' | 'done', readonly RequestState[]> = {
  open: ['accepted'],
  done: ['completed', 'rated'],
};

export async function listTasks({ runtime, caller }: ActionContext, input: TListTasksInput): Promise<Page<TRequestView>> {
  return runtime.store.read(async (tx) => {
    const page = await tx.requests.listByAssignee(caller.id, SCOPES[input.scope], input);
    const items: TRequestView[] = [];
    for (const request of page.items) {
      items.push(await toRequestView(tx, runtime, caller, request));
    }
    return { items, nextCursor: page.nextCursor };
  });
}
