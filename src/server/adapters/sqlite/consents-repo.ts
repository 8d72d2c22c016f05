import type Database from 'better-sqlite3';
import type { ConsentKind } from '../../../shared/domain/privacy';
import type { ConsentRecord, ConsentRepo } from '../../ports';
import { num, str, type Row } from './rows';

const toConsent = (row: Row): ConsentRecord => ({
  userId: str(row.user_id),
  kind: str(row.kind) as ConsentKind,
  purpose: str(row.purpose),
  policyVersion: str(row.policy_version),
  grantedAt: num(row.granted_at),
  withdrawnAt: row.withdrawn_at === null ? null : num(row.withdrawn_at),
});

export function createConsentRepo(db: Database.Database): ConsentRepo {
  // One row per person and kind: a new consent (after a withdrawal, or to a new guide) replaces the old one.
  const grant = db.prepare(`INSERT INTO consents (user_id, kind, purpose, policy_version, granted_at, withdrawn_at)
    VALUES (@userId, @kind, @purpose, @policyVersion, @grantedAt, NULL)
    ON CONFLICT (user_id, kind) DO UPDATE SET purpose = excluded.purpose, policy_version = excluded.policy_version,
      granted_at = excluded.granted_at, withdrawn_at = NULL
    WHERE consents.withdrawn_at IS NOT NULL OR consents.policy_version <> excluded.policy_version`);
  const withdraw = db.prepare('UPDATE consents SET withdrawn_at = ? WHERE user_id = ? AND kind = ? AND withdrawn_at IS NULL');
  const list = db.prepare('SELECT * FROM consents WHERE user_id = ? ORDER BY granted_at, kind');
  const removeAll = db.prepare('DELETE FROM consents WHERE user_id = ?');
  return {
    async grant(consent) {
      return grant.run(consent).changes > 0;
    },
    async withdraw(userId, kind, at) {
      return withdraw.run(at, userId, kind).changes > 0;
    },
    async list(userId) {
      return (list.all(userId) as Row[]).map(toConsent);
    },
    async removeAll(userId) {
      removeAll.run(userId);
    },
  };
}
