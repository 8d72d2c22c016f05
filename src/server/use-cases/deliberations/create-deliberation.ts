import type { TCreateDeliberationInput } from '../../../shared/contracts/deliberations';
import { DEFAULT_VOTE_OPTIONS } from '../../../shared/domain/deliberation-rules';
import { loadBuilding } from '../community-scope';
import { newId } from '../../ids';
import { toDeliberationView } from '../../views/deliberation-view';
import type { ActionContext } from '../context';

/** 制定方案: the admin drafts a proposal for some buildings (or the whole community), its options, window and quorum. */
export async function createDeliberation({ runtime, caller }: ActionContext, input: TCreateDeliberationInput) {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    for (const buildingId of new Set(input.buildingIds)) await loadBuilding(tx, caller, buildingId);
    const deliberation = {
      id: newId('dl'),
      communityId: caller.communityId,
      title: input.title,
      proposal: input.proposal,
      buildingIds: [...new Set(input.buildingIds)],
      options: input.options ?? DEFAULT_VOTE_OPTIONS,
      voteStartsAt: Date.parse(input.voteStartsAt),
      voteEndsAt: Date.parse(input.voteEndsAt),
      quorumPercent: input.quorumPercent,
      status: 'draft' as const,
      eligibleCount: null,
      decision: null,
      actions: null,
      projectId: null,
      createdBy: caller.id,
      createdAt: now,
      publishedAt: null,
      decidedAt: null,
      announcedAt: null,
    };
    await tx.deliberations.insert(deliberation);
    return toDeliberationView(tx, runtime, caller, deliberation);
  });
}
