import type { TProjectRef } from '../../../shared/contracts/ledgers';
import { loadProject, toProjectDetail } from '../../views/project-view';
import type { ActionContext } from '../context';

export async function getProject({ runtime, caller }: ActionContext, input: TProjectRef) {
  return runtime.store.read(async (tx) => toProjectDetail(tx, runtime, caller, await loadProject(tx, caller, input.projectId)));
}
