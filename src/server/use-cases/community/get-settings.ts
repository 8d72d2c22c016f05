import { resolveSettings, type CommunitySettings } from '../../../shared/domain/community-settings';
import { AppError } from '../../../shared/errors';
import type { ActionContext } from '../context';

/** The community's option lists (skills, posts, grids) that registration forms offer. */
export async function getSettings({ runtime, caller }: ActionContext): Promise<CommunitySettings & { grids: { id: string; name: string }[] }> {
  return runtime.store.read(async (tx) => {
    const community = await tx.communities.get(caller.communityId);
    if (!community) throw new AppError('NOT_FOUND', '没有找到您所在的社区');
    const grids = await tx.communities.listGrids(community.id);
    return { ...resolveSettings(community.settings), grids: grids.map(({ id, name }) => ({ id, name })) };
  });
}
