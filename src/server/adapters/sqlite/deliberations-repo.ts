import type Database from 'better-sqlite3';
import type { DeliberationStatus } from '../../../shared/domain/deliberation-rules';
import type { DeliberationCommentRecord, DeliberationPatch, DeliberationRecord, DeliberationRepo } from '../../ports';
import { afterCursor, toPage } from './paging';
import { json, num, numOrNull, str, strOrNull, type Row } from './rows';

const toDeliberation = (row: Row): DeliberationRecord => ({
  id: str(row.id),
  communityId: str(row.community_id),
  title: str(row.title),
  proposal: str(row.proposal),
  buildingIds: json<string[]>(row.building_ids),
  options: json<string[]>(row.options),
  voteStartsAt: num(row.vote_starts_at),
  voteEndsAt: num(row.vote_ends_at),
  quorumPercent: num(row.quorum_percent),
  status: str(row.status) as DeliberationStatus,
  eligibleCount: numOrNull(row.eligible_count),
  decision: strOrNull(row.decision),
  actions: strOrNull(row.actions),
  projectId: strOrNull(row.project_id),
  createdBy: str(row.created_by),
  createdAt: num(row.created_at),
  publishedAt: numOrNull(row.published_at),
  decidedAt: numOrNull(row.decided_at),
  announcedAt: numOrNull(row.announced_at),
});

const PATCH_COLUMNS: Record<keyof DeliberationPatch, string> = {
  status: 'status',
  eligibleCount: 'eligible_count',
  decision: 'decision',
  actions: 'actions',
  projectId: 'project_id',
  publishedAt: 'published_at',
  decidedAt: 'decided_at',
  announcedAt: 'announced_at',
};

export function createDeliberationRepo(db: Database.Database): DeliberationRepo {
  const insert = db.prepare(`INSERT INTO deliberations (id, community_id, title, proposal, building_ids, options, vote_starts_at, vote_ends_at, quorum_percent, status,
      eligible_count, decision, actions, project_id, created_by, created_at, published_at, decided_at, announced_at)
    VALUES (@id, @communityId, @title, @proposal, @buildingIds, @options, @voteStartsAt, @voteEndsAt, @quorumPercent, @status,
      @eligibleCount, @decision, @actions, @projectId, @createdBy, @createdAt, @publishedAt, @decidedAt, @announcedAt)`);
  const byId = db.prepare('SELECT * FROM deliberations WHERE id = ?');
  const voter = db.prepare('INSERT INTO deliberation_voters (deliberation_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING');
  const isVoter = db.prepare('SELECT 1 FROM deliberation_voters WHERE deliberation_id = ? AND user_id = ?');
  const vote = db.prepare('INSERT INTO deliberation_votes (deliberation_id, user_id, option_index, voted_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
  const voteOf = db.prepare('SELECT option_index FROM deliberation_votes WHERE deliberation_id = ? AND user_id = ?');
  const votes = db.prepare('SELECT option_index FROM deliberation_votes WHERE deliberation_id = ?');
  const voters = db.prepare('SELECT user_id FROM deliberation_voters WHERE deliberation_id = ? ORDER BY user_id');
  const comment = db.prepare('INSERT INTO deliberation_comments (id, deliberation_id, user_id, text, created_at) VALUES (@id, @deliberationId, @userId, @text, @createdAt)');
  const comments = db.prepare('SELECT * FROM deliberation_comments WHERE deliberation_id = ? ORDER BY created_at DESC, id DESC LIMIT ?');
  return {
    async insert(deliberation) {
      insert.run({ ...deliberation, buildingIds: JSON.stringify(deliberation.buildingIds), options: JSON.stringify(deliberation.options) });
    },
    async get(id) {
      const row = byId.get(id) as Row | undefined;
      return row ? toDeliberation(row) : null;
    },
    async list(communityId, includeDrafts, page) {
      const after = afterCursor(page.cursor);
      const rows = db
        .prepare(`SELECT * FROM deliberations WHERE community_id = ? ${includeDrafts ? '' : "AND status <> 'draft'"} AND ${after.sql} ORDER BY created_at DESC, id DESC LIMIT ?`)
        .all(communityId, ...after.params, page.limit + 1) as Row[];
      return toPage(rows.map(toDeliberation), page, (item) => ({ createdAt: item.createdAt, id: item.id }));
    },
    async update(id, expectedStatus, patch) {
      const keys = (Object.keys(patch) as (keyof DeliberationPatch)[]).filter((key) => patch[key] !== undefined);
      if (keys.length === 0) return false;
      const sets = keys.map((key) => `${PATCH_COLUMNS[key]} = ?`).join(', ');
      return db.prepare(`UPDATE deliberations SET ${sets} WHERE id = ? AND status = ?`).run(...keys.map((key) => patch[key] as string | number | null), id, expectedStatus).changes === 1;
    },
    async eligibleVoters(communityId, buildingIds) {
      const rows =
        buildingIds.length === 0
          ? db.prepare(`SELECT id FROM users WHERE community_id = ? AND roles LIKE '%"resident"%' ORDER BY id`).all(communityId)
          : db
              .prepare(`SELECT u.id FROM users u JOIN households h ON h.id = u.household_id
                 WHERE u.community_id = ? AND u.roles LIKE '%"resident"%' AND h.building_id IN (SELECT value FROM json_each(?)) ORDER BY u.id`)
              .all(communityId, JSON.stringify(buildingIds));
      return (rows as Row[]).map((row) => str(row.id));
    },
    async saveVoters(deliberationId, userIds) {
      for (const userId of userIds) voter.run(deliberationId, userId);
    },
    async isVoter(deliberationId, userId) {
      return isVoter.get(deliberationId, userId) !== undefined;
    },
    async insertVote(deliberationId, userId, optionIndex, at) {
      return vote.run(deliberationId, userId, optionIndex, at).changes === 1;
    },
    async getVote(deliberationId, userId) {
      const row = voteOf.get(deliberationId, userId) as Row | undefined;
      return row ? num(row.option_index) : null;
    },
    async listVotes(deliberationId) {
      return (votes.all(deliberationId) as Row[]).map((row) => num(row.option_index));
    },
    async listVoters(deliberationId) {
      return (voters.all(deliberationId) as Row[]).map((row) => str(row.user_id));
    },
    async insertComment(record: DeliberationCommentRecord) {
      comment.run(record);
    },
    async eraseCommentsBy(userId, text) {
      return db.prepare('UPDATE deliberation_comments SET text = ? WHERE user_id = ? AND text <> ?').run(text, userId, text).changes;
    },
    async listComments(deliberationId, limit) {
      return (comments.all(deliberationId, limit) as Row[]).map((row) => ({
        id: str(row.id),
        deliberationId: str(row.deliberation_id),
        userId: str(row.user_id),
        text: str(row.text),
        createdAt: num(row.created_at),
      }));
    },
  };
}
