import type Database from 'better-sqlite3';
import type { EscalationRecord, EscalationRepo, EscalationStatus } from '../../ports';
import { num, str, strOrNull, type Row } from './rows';

const toEscalation = (row: Row): EscalationRecord => ({
  requestId: str(row.request_id),
  communityId: str(row.community_id),
  department: str(row.department),
  meetingDate: str(row.meeting_date),
  attendees: JSON.parse(str(row.attendees)) as string[],
  decision: str(row.decision),
  answer: strOrNull(row.answer),
  outcome: strOrNull(row.outcome),
  status: str(row.status) as EscalationStatus,
  createdBy: str(row.created_by),
  createdAt: num(row.created_at),
  updatedAt: num(row.updated_at),
});

export function createEscalationRepo(db: Database.Database): EscalationRepo {
  const byRequest = db.prepare('SELECT * FROM escalations WHERE request_id = ?');
  const save = db.prepare(`INSERT INTO escalations (request_id, community_id, department, meeting_date, attendees, decision, answer, outcome, status, created_by, created_at, updated_at)
    VALUES (@requestId, @communityId, @department, @meetingDate, @attendees, @decision, @answer, @outcome, @status, @createdBy, @createdAt, @updatedAt)
    ON CONFLICT (request_id) DO UPDATE SET department = excluded.department, meeting_date = excluded.meeting_date, attendees = excluded.attendees,
      decision = excluded.decision, answer = excluded.answer, outcome = excluded.outcome, status = excluded.status, updated_at = excluded.updated_at`);
  return {
    async get(requestId) {
      const row = byRequest.get(requestId) as Row | undefined;
      return row ? toEscalation(row) : null;
    },
    async save(escalation) {
      save.run({ ...escalation, attendees: JSON.stringify(escalation.attendees) });
    },
  };
}
