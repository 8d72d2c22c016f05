import type Database from 'better-sqlite3';
import type { SubscriptionRepo } from '../../ports';

export function createSubscriptionRepo(db: Database.Database): SubscriptionRepo {
  const grant = db.prepare(
    `INSERT INTO subscriptions (user_id, template_key, remaining, updated_at) VALUES (?, ?, 1, ?)
     ON CONFLICT (user_id, template_key) DO UPDATE SET remaining = remaining + 1, updated_at = excluded.updated_at`,
  );
  const consume = db.prepare(`UPDATE subscriptions SET remaining = remaining - 1 WHERE user_id = ? AND template_key = ? AND remaining > 0`);
  const reset = db.prepare(`UPDATE subscriptions SET remaining = 0 WHERE user_id = ? AND template_key = ?`);
  const count = db.prepare(`SELECT remaining FROM subscriptions WHERE user_id = ? AND template_key = ?`).pluck();
  return {
    async grant(userId, templateKeys, at) {
      for (const key of new Set(templateKeys)) grant.run(userId, key, at);
    },
    async consume(userId, templateKey) {
      return consume.run(userId, templateKey).changes === 1;
    },
    async reset(userId, templateKey) {
      reset.run(userId, templateKey);
    },
    async count(userId, templateKey) {
      return (count.get(userId, templateKey) as number | undefined) ?? 0;
    },
    async clear(userId) {
      db.prepare('DELETE FROM subscriptions WHERE user_id = ?').run(userId);
    },
  };
}
