import { skillsFitting, type RequestCategory } from './categories';
import type { RankingWeights } from './dispatch-policy';
import { distanceMeters, formatDistance, type LatLng } from './geo';

export interface DispatchCandidate {
  memberId: string;
  name: string;
  gridId: string | null;
  home: LatLng;
  /** The member's skills; a search may give only those that fit the request, which is all ranking uses. */
  skills: readonly string[];
  openTasks: number;
  tasksLast30Days: number;
  /** Mean of ratings received, or null when never rated. */
  averageRating: number | null;
  /** Linked to the resident's household under the 1+5+15 structure. */
  linkedToHousehold: boolean;
}

export interface DispatchTarget {
  category: RequestCategory;
  gridId: string | null;
  location: LatLng;
}

export interface RankedCandidate {
  memberId: string;
  name: string;
  score: number;
  distanceM: number;
  reasons: string[];
}

const NEUTRAL_RATING = 4;

/**
 * Best first. Scores are computed for everyone; the reasons (strings) only for the first `limit`,
 * because dispatch at city scale ranks hundreds of candidates to offer to three.
 */
export function rankCandidates(target: DispatchTarget, candidates: readonly DispatchCandidate[], weights: RankingWeights, limit = candidates.length): RankedCandidate[] {
  const scored = candidates.map((candidate) => scoreCandidate(target, candidate, weights));
  scored.sort((a, b) => b.score - a.score || a.distanceM - b.distanceM || a.candidate.memberId.localeCompare(b.candidate.memberId));
  return scored.slice(0, limit).map((entry) => ({
    memberId: entry.candidate.memberId,
    name: entry.candidate.name,
    score: entry.score,
    distanceM: entry.distanceM,
    reasons: reasonsFor(target, entry.candidate, entry.distanceM),
  }));
}

interface Scored {
  candidate: DispatchCandidate;
  score: number;
  distanceM: number;
}

function scoreCandidate(target: DispatchTarget, candidate: DispatchCandidate, weights: RankingWeights): Scored {
  const distanceM = distanceMeters(target.location, candidate.home);
  const sameGrid = target.gridId !== null && candidate.gridId === target.gridId;
  const rating = candidate.averageRating ?? NEUTRAL_RATING;
  const score =
    (candidate.linkedToHousehold ? weights.householdLink : 0) +
    (sameGrid ? weights.sameGrid : 0) -
    (distanceM / 1000) * weights.perKm +
    (skillsFitting(target.category, candidate.skills).length > 0 ? weights.skillMatch : 0) -
    candidate.openTasks * weights.perOpenTask -
    candidate.tasksLast30Days * weights.perRecentTask +
    (rating - NEUTRAL_RATING) * weights.perRatingStar;
  return { candidate, score: Math.round(score * 100) / 100, distanceM: Math.round(distanceM) };
}

function reasonsFor(target: DispatchTarget, candidate: DispatchCandidate, distanceM: number): string[] {
  const matched = skillsFitting(target.category, candidate.skills);
  const reasons: string[] = [];
  if (candidate.linkedToHousehold) reasons.push('联系户党员');
  if (target.gridId !== null && candidate.gridId === target.gridId) reasons.push('同网格');
  reasons.push(formatDistance(distanceM));
  if (matched.length > 0) reasons.push(matched.join('、'));
  if (candidate.openTasks > 0) reasons.push(`在办 ${candidate.openTasks} 件`);
  if (candidate.averageRating !== null) reasons.push(`评分 ${candidate.averageRating.toFixed(1)}`);
  return reasons;
}

/** "同网格 · 320 m · 水电维修" */
export function explainRanking(ranked: RankedCandidate): string {
  return ranked.reasons.join(' · ');
}
