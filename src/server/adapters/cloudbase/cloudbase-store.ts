import type { Store, Tx } from '../../ports';
import type { DocDb } from './doc-db';
import { cachedSession, readOnceSession, type StoreSession } from './session-cache';
import { createUserRepo } from './users-repo';
import { createCommunityRepo } from './community-repo';
import { createMemberRepo } from './members-repo';
import { createShopRepo, createServicePointRepo } from './shops-repo';
import { createEscalationRepo } from './escalations-repo';
import { createRequestRepo } from './requests-repo';
import { createOfferRepo, createEventRepo } from './offers-repo';
import { createOutboxRepo } from './outbox-repo';
import { createSubscriptionRepo } from './subscriptions-repo';
import { createDemandRepo } from './demand-repo';
import { createLedgerRepo } from './ledger-repo';
import { createCatalogRepo, createRedemptionRepo } from './supermarket-repo';
import { createServiceRepo } from './service-repo';
import { createProjectRepo } from './projects-repo';
import { createEvaluationRepo } from './evaluations-repo';
import { createReportRepo } from './reports-repo';
import { createDeliberationRepo } from './deliberations-repo';
import { createAuditRepo } from './audit-repo';
import { createConsentRepo } from './consents-repo';

/**
 * The store on the CloudBase document database. Inside `transaction` every repository writes
 * through the transaction (one document at a time, by id; uniqueness comes from deterministic ids),
 * while its queries read committed data; `read` works on the database directly. Both read a document
 * once per call (`session-cache.ts`); a transaction's writes go out together before its commit.
 */
export function createCloudbaseStore(db: DocDb): Store {
  const bind = (session: StoreSession): Tx => ({
    users: createUserRepo(db, session),
    communities: createCommunityRepo(db, session),
    members: createMemberRepo(db, session),
    shops: createShopRepo(db, session),
    servicePoints: createServicePointRepo(db, session),
    escalations: createEscalationRepo(db, session),
    requests: createRequestRepo(db, session),
    offers: createOfferRepo(db, session),
    events: createEventRepo(db, session),
    outbox: createOutboxRepo(db, session),
    subscriptions: createSubscriptionRepo(db, session),
    demand: createDemandRepo(db, session),
    ledger: createLedgerRepo(db, session),
    catalog: createCatalogRepo(db, session),
    redemptions: createRedemptionRepo(db, session),
    service: createServiceRepo(db, session),
    projects: createProjectRepo(db, session),
    evaluations: createEvaluationRepo(db, session),
    reports: createReportRepo(db, session),
    deliberations: createDeliberationRepo(db, session),
    audit: createAuditRepo(db, session),
    consents: createConsentRepo(db, session),
  });
  return {
    transaction: (work) =>
      db.transaction(async (session) => {
        // Each attempt reads a document once and sends its writes together just before the commit.
        const cached = cachedSession(session);
        const result = await work(bind(cached));
        await cached.flush();
        return result;
      }),
    read: (work) => work(bind(readOnceSession(db.direct))),
    standalone: (work) => work(bind(readOnceSession(db.direct))),
  };
}
