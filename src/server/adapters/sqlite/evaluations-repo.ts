import type Database from 'better-sqlite3';
import type { EvaluationGrade } from '../../../shared/domain/evaluation';
import type { EvaluationRecord, EvaluationRepo } from '../../ports';
import { num, str, type Row } from './rows';

const toEvaluation = (row: Row): EvaluationRecord => ({
  communityId: str(row.community_id),
  memberId: str(row.member_id),
  period: str(row.period),
  grade: str(row.grade) as EvaluationGrade,
  note: str(row.note),
  evaluatedBy: str(row.evaluated_by),
  evaluatedAt: num(row.evaluated_at),
});

export function createEvaluationRepo(db: Database.Database): EvaluationRepo {
  const save = db.prepare(`INSERT INTO evaluations (member_id, period, community_id, grade, note, evaluated_by, evaluated_at)
    VALUES (@memberId, @period, @communityId, @grade, @note, @evaluatedBy, @evaluatedAt)
    ON CONFLICT (member_id, period) DO UPDATE SET grade = excluded.grade, note = excluded.note, evaluated_by = excluded.evaluated_by, evaluated_at = excluded.evaluated_at`);
  const forPeriod = db.prepare('SELECT * FROM evaluations WHERE community_id = ? AND period = ?');
  const forMember = db.prepare('SELECT * FROM evaluations WHERE member_id = ? ORDER BY period DESC');
  return {
    async save(evaluation) {
      save.run(evaluation);
    },
    async listForPeriod(communityId, period) {
      return (forPeriod.all(communityId, period) as Row[]).map(toEvaluation);
    },
    async listForMember(memberId) {
      return (forMember.all(memberId) as Row[]).map(toEvaluation);
    },
  };
}
