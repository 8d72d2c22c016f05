import type { EvaluationGrade } from '../../../shared/domain/evaluation';
import type { EvaluationRecord, EvaluationRepo } from '../../ports';
import type { Doc, DocDb } from './doc-db';
import type { StoreSession } from './session-cache';
import { compositeId, toDoc } from './doc-db';

/*
 * Collection written here:
 *   evaluations  `_id` = compositeId(memberId, period): the EvaluationRecord, one per member and
 *                period (recording again replaces grade, note, evaluator and time).
 * Recording an evaluation reads the period's list back in the same transaction (the admin's row):
 * queries see committed data only, so this repository — bound to one transaction — merges what it
 * saved into its lists.
 */

export const EVALUATIONS = 'evaluations';

/** Evaluations read per community and period (one per member) or per member (one per period) at most. */
const PERIOD_CAP = 5000;
const MEMBER_CAP = 1000;

const toEvaluation = (doc: Doc): EvaluationRecord => ({
  communityId: String(doc.communityId),
  memberId: String(doc.memberId),
  period: String(doc.period),
  grade: doc.grade as EvaluationGrade,
  note: String(doc.note),
  evaluatedBy: String(doc.evaluatedBy),
  evaluatedAt: Number(doc.evaluatedAt),
});

/** Committed documents with this transaction's own writes laid over them (by document id). */
function withWritten(docs: readonly Doc[], written: ReadonlyMap<string, EvaluationRecord>, keep: (evaluation: EvaluationRecord) => boolean): EvaluationRecord[] {
  const byId = new Map(docs.map((doc) => [doc._id, toEvaluation(doc)]));
  for (const [id, evaluation] of written) if (keep(evaluation)) byId.set(id, { ...evaluation });
  return [...byId.values()];
}

export function createEvaluationRepo(db: DocDb, session: StoreSession): EvaluationRepo {
  const written = new Map<string, EvaluationRecord>();
  return {
    async save(evaluation) {
      const id = compositeId(evaluation.memberId, evaluation.period);
      // As SQLite's upsert: a second recording keeps the community the first one was filed in.
      const existing = await session.get(EVALUATIONS, id);
      const saved: EvaluationRecord = existing ? { ...evaluation, communityId: String(existing.communityId) } : evaluation;
      await session.set(EVALUATIONS, toDoc(id, saved));
      written.set(id, { ...saved });
    },
    async listForPeriod(communityId, period) {
      const docs = await db.find(EVALUATIONS, { communityId, period }, { orderBy: [{ field: 'memberId', direction: 'asc' }], limit: PERIOD_CAP });
      return withWritten(docs, written, (evaluation) => evaluation.communityId === communityId && evaluation.period === period).sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
    },
    async listForMember(memberId) {
      const docs = await db.find(EVALUATIONS, { memberId }, { orderBy: [{ field: 'period', direction: 'desc' }], limit: MEMBER_CAP });
      return withWritten(docs, written, (evaluation) => evaluation.memberId === memberId).sort((a, b) => (a.period < b.period ? 1 : a.period > b.period ? -1 : 0));
    },
  };
}
