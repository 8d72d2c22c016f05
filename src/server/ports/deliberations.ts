import type { Page, TPageInput } from '../../shared/contracts/common';
import type { DeliberationStatus } from '../../shared/domain/deliberation-rules';

// 五步议事: proposals, voters, votes and comments.

/** 五步议事: a compound-level proposal residents discuss and vote on. */
export interface DeliberationRecord {
  id: string;
  communityId: string;
  title: string;
  proposal: string;
  /** Buildings whose residents may vote; empty means the whole community. */
  buildingIds: string[];
  options: string[];
  voteStartsAt: number;
  voteEndsAt: number;
  quorumPercent: number;
  status: DeliberationStatus;
  /** Residents who could vote, counted when the notice went out. */
  eligibleCount: number | null;
  decision: string | null;
  actions: string | null;
  projectId: string | null;
  createdBy: string;
  createdAt: number;
  publishedAt: number | null;
  decidedAt: number | null;
  announcedAt: number | null;
}

export type DeliberationPatch = Partial<Pick<DeliberationRecord, 'status' | 'eligibleCount' | 'decision' | 'actions' | 'projectId' | 'publishedAt' | 'decidedAt' | 'announcedAt'>>;

export interface DeliberationCommentRecord {
  id: string;
  deliberationId: string;
  userId: string;
  text: string;
  createdAt: number;
}

export interface DeliberationRepo {
  insert(deliberation: DeliberationRecord): Promise<void>;
  get(id: string): Promise<DeliberationRecord | null>;
  list(communityId: string, includeDrafts: boolean, page: TPageInput): Promise<Page<DeliberationRecord>>;
  /** Compare-and-set on the status. */
  update(id: string, expectedStatus: DeliberationStatus, patch: DeliberationPatch): Promise<boolean>;
  /** Residents of the community (of these buildings, when any) who may vote. */
  eligibleVoters(communityId: string, buildingIds: readonly string[]): Promise<string[]>;
  saveVoters(deliberationId: string, userIds: readonly string[]): Promise<void>;
  isVoter(deliberationId: string, userId: string): Promise<boolean>;
  /** False, and nothing written, when this resident has already voted. */
  insertVote(deliberationId: string, userId: string, optionIndex: number, at: number): Promise<boolean>;
  getVote(deliberationId: string, userId: string): Promise<number | null>;
  listVotes(deliberationId: string): Promise<number[]>;
  listVoters(deliberationId: string): Promise<string[]>;
  insertComment(comment: DeliberationCommentRecord): Promise<void>;
  listComments(deliberationId: string, limit: number): Promise<DeliberationCommentRecord[]>;
  /** Replaces the text of every comment a person wrote (注销); returns how many. */
  eraseCommentsBy(userId: string, text: string): Promise<number>;
}
