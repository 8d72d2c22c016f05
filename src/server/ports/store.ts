import type { AuditRepo } from './audit';
import type { CommunityRepo, MemberRepo, UserRepo } from './community';
import type { DeliberationRepo } from './deliberations';
import type { DemandRepo, ProjectRepo } from './ledgers';
import type { OutboxRepo, SubscriptionRepo } from './platform';
import type { CatalogRepo, LedgerRepo, RedemptionRepo, ShopRepo } from './points';
import type { ConsentRepo } from './privacy';
import type { EvaluationRepo, ReportRepo } from './reports';
import type { EscalationRepo, EventRepo, OfferRepo, RequestRepo } from './requests';
import type { ServicePointRepo, ServiceRepo } from './service';

// The store: every repository bound to one transaction or one read.

/** Repositories bound to one transaction (or one read). */
export interface Tx {
  users: UserRepo;
  communities: CommunityRepo;
  members: MemberRepo;
  requests: RequestRepo;
  offers: OfferRepo;
  events: EventRepo;
  outbox: OutboxRepo;
  ledger: LedgerRepo;
  shops: ShopRepo;
  servicePoints: ServicePointRepo;
  escalations: EscalationRepo;
  catalog: CatalogRepo;
  redemptions: RedemptionRepo;
  service: ServiceRepo;
  demand: DemandRepo;
  projects: ProjectRepo;
  evaluations: EvaluationRepo;
  reports: ReportRepo;
  deliberations: DeliberationRepo;
  subscriptions: SubscriptionRepo;
  audit: AuditRepo;
  consents: ConsentRepo;
}

export interface Store {
  /** All-or-nothing. The callback may run more than once (CloudBase retries): no side effects inside. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  read<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Writes each of which stands alone: one document, safe to repeat, no rule that spans documents
   * (marking a message delivered). CloudBase sends each straight to the database, without a
   * transaction's start and commit round trips; SQLite runs them as one transaction.
   */
  standalone<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}
