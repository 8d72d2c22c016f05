import type { RequestCategory } from '../../shared/domain/categories';
import type { RequestState } from '../../shared/domain/request-state';
import type { EvaluationGrade } from '../../shared/domain/evaluation';
import type { Tally } from '../../shared/domain/statistics';

// Statistics and 定期评价 (evaluations).

/** 定期评价 of one member for one period. */
export interface EvaluationRecord {
  communityId: string;
  memberId: string;
  period: string;
  grade: EvaluationGrade;
  note: string;
  evaluatedBy: string;
  evaluatedAt: number;
}

export interface EvaluationRepo {
  /** One per member and period; recording again replaces it. */
  save(evaluation: EvaluationRecord): Promise<void>;
  listForPeriod(communityId: string, period: string): Promise<EvaluationRecord[]>;
  listForMember(memberId: string): Promise<EvaluationRecord[]>;
}

/** Communities (one, or a whole district) and optionally one grid of one community. */
export interface StatsScope {
  communityIds: string[];
  gridId: string | null;
}

/** Requests of one place, category and state. */
export interface RequestGroup {
  communityId: string;
  gridId: string | null;
  category: RequestCategory;
  state: RequestState;
  count: number;
}

/** The requests submitted in a period, counted by the database rather than read one by one. */
export interface RequestSummary {
  groups: RequestGroup[];
  /** Submitted → accepted, in whole minutes (rounded, `roundedMinutes`), of those accepted. */
  responseMinutes: Tally[];
  /** Accepted → completed, in whole minutes, of those completed. */
  completionMinutes: Tally[];
  /** Stars of those rated with stars. */
  stars: Tally[];
}

/** What one member did in a period, for rankings and evaluations. */
export interface MemberFigures {
  memberId: string;
  name: string;
  gridId: string | null;
  earned: number;
  tasksCompleted: number;
  ratings: number;
  averageRating: number | null;
}

export interface ReportRepo {
  /** Requests submitted in [from, to), summed. */
  requestSummary(scope: StatsScope, from: number, to: number): Promise<RequestSummary>;
  /** Requests submitted per China month in [from, to), and how many of them are done. */
  monthlyCounts(scope: StatsScope, from: number, to: number): Promise<{ month: string; submitted: number; completed: number }[]>;
  /** Members who took a request or earned duty or activity points in [from, to). */
  activeMembers(scope: StatsScope, from: number, to: number): Promise<number>;
  /** Points posted in [from, to) by posting kind; a grid counts its members' postings. */
  pointsByKind(scope: StatsScope, from: number, to: number): Promise<Record<string, number>>;
  /** Every approved member of the community with what they earned and did in [from, to). */
  memberFigures(communityId: string, from: number, to: number): Promise<MemberFigures[]>;
}
