import type { Page, TPageInput } from '../../shared/contracts/common';
import type { RequestCategory } from '../../shared/domain/categories';
import type { RequestState } from '../../shared/domain/request-state';
import type { ProjectSource, ProjectStatus } from '../../shared/domain/project-rules';
import type { RequestRecord } from './requests';

// 民意民盼台账 (demand and suggestion replies) and 民生实事台账 (livelihood projects).

/** An admin's answer to a resident's suggestion (意见建议): adopted or not, with a reply the resident sees. */
export interface SuggestionReplyRecord {
  requestId: string;
  adopted: boolean;
  reply: string;
  repliedBy: string;
  repliedAt: number;
}

export interface DemandFilter {
  communityId: string;
  gridId: string | null;
  category: RequestCategory | null;
  state: RequestState | null;
  /** Submitted at or after. */
  from: number | null;
  /** Submitted before. */
  to: number | null;
}

/** One line of 民意民盼台账. */
export interface DemandRow {
  request: RequestRecord;
  residentName: string;
  gridName: string | null;
  assigneeName: string | null;
  reply: SuggestionReplyRecord | null;
}

export interface DemandRepo {
  list(filter: DemandFilter, page: TPageInput): Promise<Page<DemandRow>>;
  /** Every matching line, oldest first, up to `limit` (exports). */
  listAll(filter: DemandFilter, limit: number): Promise<DemandRow[]>;
  get(requestId: string): Promise<DemandRow | null>;
  getReply(requestId: string): Promise<SuggestionReplyRecord | null>;
  /** False, and nothing written, when the suggestion already has a reply. */
  insertReply(reply: SuggestionReplyRecord): Promise<boolean>;
}

export interface MilestoneRecord {
  title: string;
  dueDate: string;
  doneAt: number | null;
}

/** 民生实事: a livelihood project on the community's ledger. */
export interface ProjectRecord {
  id: string;
  communityId: string;
  title: string;
  description: string;
  ownerDepartment: string;
  /** The community staff member who enters the monthly progress. */
  ownerId: string;
  targetDate: string;
  source: ProjectSource;
  requestId: string | null;
  milestones: MilestoneRecord[];
  status: ProjectStatus;
  supportCount: number;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  writtenOffAt: number | null;
  writeOffNote: string | null;
  /** China date of the last progress reminder, so the scheduler reminds once a day. */
  remindedOn: string | null;
  /** Month whose missing entry has been flagged to the admins. */
  lateFlaggedMonth: string | null;
  /**
   * What residents see once an admin published it (晒清单): a title and summary written for the public,
   * never the resident's own words. Null while the project is for staff only.
   */
  publicTitle: string | null;
  publicSummary: string | null;
  publishedAt: number | null;
  publishedBy: string | null;
}

export interface ProgressRecord {
  projectId: string;
  month: string;
  text: string;
  percent: number;
  authorId: string;
  createdAt: number;
}

export type ProjectPatch = Partial<
  Pick<ProjectRecord, 'milestones' | 'status' | 'writtenOffAt' | 'writeOffNote' | 'remindedOn' | 'lateFlaggedMonth' | 'updatedAt' | 'publicTitle' | 'publicSummary' | 'publishedAt' | 'publishedBy'>
>;

export interface ProjectRepo {
  insert(project: ProjectRecord): Promise<void>;
  get(id: string): Promise<ProjectRecord | null>;
  getByRequest(requestId: string): Promise<ProjectRecord | null>;
  /** Newest first; `publishedOnly` for what residents may see. */
  list(communityId: string, status: ProjectStatus | null, page: TPageInput, publishedOnly?: boolean): Promise<Page<ProjectRecord>>;
  /** Every project in progress, in all communities (the scheduler's reminders). */
  listInProgress(limit: number): Promise<ProjectRecord[]>;
  /** Compare-and-set on the status. */
  update(id: string, expectedStatus: ProjectStatus, patch: ProjectPatch): Promise<boolean>;
  /** One entry per project and month; a second one that month replaces the first. */
  saveProgress(entry: ProgressRecord): Promise<void>;
  listProgress(projectId: string): Promise<ProgressRecord[]>;
  progressMonths(projectIds: readonly string[]): Promise<Map<string, Set<string>>>;
  /** True the first time this user supports the project (the count goes up once). */
  addSupport(projectId: string, userId: string, at: number): Promise<boolean>;
  supportedBy(userId: string, projectIds: readonly string[]): Promise<Set<string>>;
}
