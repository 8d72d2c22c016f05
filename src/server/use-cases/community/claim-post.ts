import type { TApplicationView, TClaimPostInput } from '../../../shared/contracts/community';
import { resolveSettings } from '../../../shared/domain/community-settings';
import { AppError } from '../../../shared/errors';
import { loadApprovedMember } from '../community-scope';
import { toApplicationView } from '../../views/member-view';
import type { ActionContext } from '../context';

/** 定岗领办: claim or give up a standing post from the community's list. */
export async function claimPost({ runtime, caller }: ActionContext, input: TClaimPostInput): Promise<TApplicationView> {
  return runtime.store.transaction(async (tx) => {
    const member = await loadApprovedMember(tx, caller, caller.id);
    const community = await tx.communities.get(caller.communityId);
    if (input.claim && !resolveSettings(community?.settings).posts.includes(input.post)) {
      throw new AppError('VALIDATION_FAILED', `本社区没有「${input.post}」这个岗位`, [{ path: ['post'], message: '岗位不在可选范围内' }]);
    }
    const posts = input.claim ? [...new Set([...member.posts, input.post])] : member.posts.filter((post) => post !== input.post);
    const updated = { ...member, posts };
    await tx.members.save(updated);
    return toApplicationView(tx, updated);
  });
}
