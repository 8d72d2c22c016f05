import { resolveSettings, type CommunitySettings } from '../../shared/domain/community-settings';
import type { ActionContext } from './context';

export async function updateSettings({ runtime, caller }: ActionContext, input: CommunitySettings): Promise<CommunitySettings> {
  const settings = resolveSettings({ skills: [...new Set(input.skills)], posts: [...new Set(input.posts)] });
  await runtime.store.transaction((tx) => tx.communities.saveSettings(caller.communityId, settings));
  return settings;
}
