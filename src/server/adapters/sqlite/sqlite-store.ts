import Database from 'better-sqlite3';
import type { Store, Tx } from '../../ports';
import { createEscalationRepo } from './escalations-repo';
import { createLedgerRepo } from './ledger-repo';
import { createMemberRepo } from './members-repo';
import { createEventRepo, createOfferRepo } from './offers-repo';
import { createOutboxRepo } from './outbox-repo';
import { createRequestRepo } from './requests-repo';
import { MIGRATIONS } from './schema';
import { createAuditRepo } from './audit-repo';
import { createConsentRepo } from './consents-repo';
import { createCommunityRepo } from './community-repo';
import { createServicePointRepo, createShopRepo } from './shops-repo';
import { createCatalogRepo, createRedemptionRepo } from './supermarket-repo';
import { createServiceRepo } from './service-repo';
import { createUserRepo } from './users-repo';
import { createDemandRepo } from './demand-repo';
import { createProjectRepo } from './projects-repo';
import { createEvaluationRepo } from './evaluations-repo';
import { createReportRepo } from './reports-repo';
import { createDeliberationRepo } from './deliberations-repo';
import { createSubscriptionRepo } from './subscriptions-repo';

/** Serialises work on the one connection so an awaited transaction never interleaves with another. */
class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

export interface SqliteStore extends Store {
  readonly db: Database.Database;
  close(): void;
}

export function migrate(db: Database.Database): void {
  const version = Number(db.pragma('user_version', { simple: true }));
  for (let index = version; index < MIGRATIONS.length; index++) {
    const step = MIGRATIONS[index];
    db.transaction(() => {
      if (typeof step === 'string') db.exec(step);
      else step(db);
      db.pragma(`user_version = ${index + 1}`);
    })();
  }
}

export function openSqliteStore(file: string): SqliteStore {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode survives a killed process; only an OS crash could lose the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A district's working set (members, requests, ledger) fits: keep it in memory instead of re-reading pages.
  db.pragma('cache_size = -65536');
  db.pragma('mmap_size = 268435456');
  migrate(db);

  const tx: Tx = {
    users: createUserRepo(db),
    communities: createCommunityRepo(db),
    members: createMemberRepo(db),
    requests: createRequestRepo(db),
    offers: createOfferRepo(db),
    events: createEventRepo(db),
    outbox: createOutboxRepo(db),
    ledger: createLedgerRepo(db),
    shops: createShopRepo(db),
    servicePoints: createServicePointRepo(db),
    escalations: createEscalationRepo(db),
    catalog: createCatalogRepo(db),
    redemptions: createRedemptionRepo(db),
    service: createServiceRepo(db),
    demand: createDemandRepo(db),
    projects: createProjectRepo(db),
    evaluations: createEvaluationRepo(db),
    reports: createReportRepo(db),
    deliberations: createDeliberationRepo(db),
    subscriptions: createSubscriptionRepo(db),
    audit: createAuditRepo(db),
    consents: createConsentRepo(db),
  };
  const mutex = new Mutex();
  const runInTransaction = <T>(work: (tx: Tx) => Promise<T>): Promise<T> =>
    mutex.run(async () => {
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(tx);
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    });

  return {
    db,
    transaction: runInTransaction,
    standalone: runInTransaction,
    read(work) {
      return mutex.run(() => work(tx));
    },
    close() {
      if (db.open) db.close();
    },
  };
}
