import { AppError } from '../../../shared/errors';
import type { ActionContext } from '../context';

/** District-level view across the communities of the viewer's district. */
export async function listCommunities({ runtime, caller }: ActionContext) {
  return runtime.store.read(async (tx) => {
    const home = await tx.communities.get(caller.communityId);
    if (!home) throw new AppError('NOT_FOUND', '没有找到您所在的社区');
    return { items: await tx.communities.districtSummaries(home.districtId) };
  });
}
