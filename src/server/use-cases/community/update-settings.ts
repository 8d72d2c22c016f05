import type { TUpdateSettingsInput } from '../../../shared/contracts/community';
import { resolveSettings, type CommunitySettings } from '../../../shared/domain/community-settings';
import type { ActionContext } from '../context';

export async function updateSettings(
  { runtime, caller }: ActionContext,
  input: TUpdateSettingsInput,
): Promise<CommunitySettings> {
  return runtime.store.transaction(async (tx) => {
    const current = resolveSettings((await tx.communities.get(caller.communityId))?.settings);
    const settings = {
      skills: [...new Set(input.skills)],
      posts: [...new Set(input.posts)],
      departments: input.departments ? [...new Set(input.departments)] : current.departments,
    };
    await tx.communities.saveSettings(caller.communityId, settings);
    return settings;
  });
}
