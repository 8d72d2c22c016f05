import { resolveSettings, type CommunitySettings } from '../../shared/domain/community-settings';
import { AppError } from '../../shared/errors';
import type { ActionContext } from './context';

export async function getSettings({ runtime, caller }: ActionContext): Promise<CommunitySettings> {
  return runtime.store.read(async (tx) => {
    const community = await tx.communities.get(caller.communityId);
    if (!community) throw new AppError('NOT_FOUND', '没有找到您所在的社区');
    return resolveSettings(community.settings);
  });
}
