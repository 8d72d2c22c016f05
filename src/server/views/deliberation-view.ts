import type { TDeliberationView } from '../../shared/contracts/deliberations';
import { currentStep, tallyVotes, votingPhase } from '../../shared/domain/deliberation-rules';
import { maskName } from '../../shared/domain/masking';
import { AppError } from '../../shared/errors';
import type { Caller, DeliberationRecord, Runtime, Tx } from '../ports';

const iso = (ms: number) => new Date(ms).toISOString();
const COMMENTS_SHOWN = 100;

/** Drafts are the admins' own; everything published is visible to the community and nobody else. */
export async function loadDeliberation(tx: Tx, caller: Caller, id: string): Promise<DeliberationRecord> {
  const deliberation = await tx.deliberations.get(id);
  const admin = caller.roles.includes('admin');
  if (!deliberation || deliberation.communityId !== caller.communityId || (deliberation.status === 'draft' && !admin)) throw new AppError('NOT_FOUND', '没有找到这个议题');
  return deliberation;
}

export async function toDeliberationView(tx: Tx, runtime: Runtime, caller: Caller, deliberation: DeliberationRecord): Promise<TDeliberationView> {
  const now = runtime.clock.now();
  const phase = votingPhase(deliberation, now);
  const votes = deliberation.status === 'draft' ? [] : await tx.deliberations.listVotes(deliberation.id);
  const myVote = await tx.deliberations.getVote(deliberation.id, caller.id);
  const canVote = deliberation.status === 'published' && phase === 'open' && myVote === null && (await tx.deliberations.isVoter(deliberation.id, caller.id));
  const buildings = deliberation.buildingIds.length === 0 ? [] : await tx.communities.listBuildings(deliberation.communityId, null);
  const scope =
    deliberation.buildingIds.length === 0
      ? '全体居民'
      : buildings
          .filter((building) => deliberation.buildingIds.includes(building.id))
          .map((building) => building.name)
          .join('、');
  const comments = await tx.deliberations.listComments(deliberation.id, COMMENTS_SHOWN);
  const names = new Map((await tx.users.listByIds([...new Set(comments.map((comment) => comment.userId))])).map((user) => [user.id, user.name]));
  const closed = phase === 'closed' || deliberation.status === 'decided' || deliberation.status === 'announced';
  return {
    id: deliberation.id,
    title: deliberation.title,
    proposal: deliberation.proposal,
    scope,
    options: deliberation.options,
    voteStartsAt: iso(deliberation.voteStartsAt),
    voteEndsAt: iso(deliberation.voteEndsAt),
    quorumPercent: deliberation.quorumPercent,
    status: deliberation.status,
    step: currentStep(deliberation.status, phase),
    phase,
    eligibleCount: deliberation.eligibleCount,
    votesCast: votes.length,
    myVote,
    canVote,
    tally: closed && deliberation.eligibleCount !== null ? tallyVotes(deliberation.options.length, votes, deliberation.eligibleCount, deliberation.quorumPercent) : null,
    decision: deliberation.decision,
    actions: deliberation.actions,
    projectId: deliberation.projectId,
    comments: comments.map((comment) => ({ name: maskName(names.get(comment.userId) ?? ''), text: comment.text, at: iso(comment.createdAt) })),
  };
}
