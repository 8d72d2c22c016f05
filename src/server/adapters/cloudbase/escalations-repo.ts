import type { EscalationRecord, EscalationRepo, EscalationStatus } from '../../ports';
import type { Doc, DocDb } from './doc-db';
import type { StoreSession } from './session-cache';
import { toDoc } from './doc-db';

/*
 * Collection written here:
 *   escalations  `_id` = request id: the EscalationRecord (one per request).
 */

export const ESCALATIONS = 'escalations';

const toEscalation = (doc: Doc): EscalationRecord => ({
  requestId: String(doc.requestId),
  communityId: String(doc.communityId),
  department: String(doc.department),
  meetingDate: String(doc.meetingDate),
  attendees: [...((doc.attendees as string[] | undefined) ?? [])],
  decision: String(doc.decision),
  answer: (doc.answer as string | null | undefined) ?? null,
  outcome: (doc.outcome as string | null | undefined) ?? null,
  status: doc.status as EscalationStatus,
  createdBy: String(doc.createdBy),
  createdAt: Number(doc.createdAt),
  updatedAt: Number(doc.updatedAt),
});

export function createEscalationRepo(_db: DocDb, session: StoreSession): EscalationRepo {
  return {
    async get(requestId) {
      const doc = await session.get(ESCALATIONS, requestId);
      return doc ? toEscalation(doc) : null;
    },
    async save(escalation) {
      // An update keeps who raised it, where and when, as SQLite's upsert does.
      const existing = await session.get(ESCALATIONS, escalation.requestId);
      const saved: EscalationRecord = existing
        ? { ...escalation, communityId: String(existing.communityId), createdBy: String(existing.createdBy), createdAt: Number(existing.createdAt) }
        : escalation;
      await session.set(ESCALATIONS, toDoc(saved.requestId, saved));
    },
  };
}
