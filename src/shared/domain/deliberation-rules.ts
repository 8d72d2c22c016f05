/** 五步议事法: 制定方案 → 发布公告 → 组织协商 → 结果运用 → 反馈公示. */
export const DELIBERATION_STATUSES = ['draft', 'published', 'decided', 'announced'] as const;
export type DeliberationStatus = (typeof DELIBERATION_STATUSES)[number];

export const DELIBERATION_STEPS = ['制定方案', '发布公告', '组织协商', '结果运用', '反馈公示'] as const;

export const DEFAULT_VOTE_OPTIONS = ['同意', '反对', '弃权'];

export type VotingPhase = 'not_started' | 'open' | 'closed';

export function votingPhase(window: { voteStartsAt: number; voteEndsAt: number }, now: number): VotingPhase {
  if (now < window.voteStartsAt) return 'not_started';
  return now < window.voteEndsAt ? 'open' : 'closed';
}

/** Which of the five steps a deliberation is at (0-based), for the progress bar. */
export function currentStep(status: DeliberationStatus, phase: VotingPhase): number {
  if (status === 'draft') return 0;
  if (status === 'published') return phase === 'not_started' ? 1 : 2;
  return status === 'decided' ? 3 : 4;
}

/** Votes needed for the result to count: a share of the residents eligible when it was published. */
export function quorumNeeded(eligible: number, quorumPercent: number): number {
  return Math.ceil((eligible * quorumPercent) / 100);
}

export interface Tally {
  counts: number[];
  votes: number;
  eligible: number;
  quorum: number;
  quorumMet: boolean;
  /** The option with most votes; null on a tie for first place or without quorum. */
  leading: number | null;
}

export function tallyVotes(optionCount: number, votes: readonly number[], eligible: number, quorumPercent: number): Tally {
  const counts = Array.from({ length: optionCount }, () => 0);
  for (const option of votes) counts[option] += 1;
  const quorum = quorumNeeded(eligible, quorumPercent);
  const quorumMet = votes.length >= quorum;
  const top = Math.max(...counts);
  const leaders = counts.flatMap((count, index) => (count === top ? [index] : []));
  return { counts, votes: votes.length, eligible, quorum, quorumMet, leading: quorumMet && top > 0 && leaders.length === 1 ? leaders[0] : null };
}
