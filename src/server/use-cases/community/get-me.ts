import type { TMe } from '../../../shared/contracts/community';
import { toMeView } from '../../views/me-view';
import type { ActionContext } from '../context';

export async function getMe({ runtime, caller }: ActionContext): Promise<TMe> {
  return runtime.store.read((tx) => toMeView(tx, caller));
}
