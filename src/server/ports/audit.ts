import type { Page, TPageInput } from '../../shared/contracts/common';
import type { Role } from '../../shared/domain/roles';

// 操作日志: what staff did, appended in the same transaction as the write, never edited or removed.

export interface AuditEntry {
  id: string;
  communityId: string;
  actorId: string;
  actorName: string;
  actorRoles: Role[];
  /** The function and action, e.g. `points.adjust`. */
  action: string;
  /** The record it was about, when the input names one. */
  targetId: string | null;
  /** Plain choices and figures of the input (`amount=20 kind=demand`), never free text. */
  detail: string;
  at: number;
}

export interface AuditRepo {
  /** Appends once: the same entry again (a retried transaction) changes nothing. */
  append(entry: AuditEntry): Promise<void>;
  /** Newest first, over one or more communities. */
  list(communityIds: readonly string[], page: TPageInput): Promise<Page<AuditEntry>>;
}
