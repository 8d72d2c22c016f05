import type { ConsentKind } from '../../shared/domain/privacy';

// People's consents (location, phone, photos) and the person-wide erasures 注销 needs.

/** One consent: what for, to which version of the privacy guide, when; and when it was withdrawn. */
export interface ConsentRecord {
  userId: string;
  kind: ConsentKind;
  purpose: string;
  policyVersion: string;
  grantedAt: number;
  withdrawnAt: number | null;
}

export interface ConsentRepo {
  /** Keeps the consent; the same kind already given to the same version (and not withdrawn) stays as it was. False then. */
  grant(consent: ConsentRecord): Promise<boolean>;
  /** False when there was nothing in force to withdraw. */
  withdraw(userId: string, kind: ConsentKind, at: number): Promise<boolean>;
  list(userId: string): Promise<ConsentRecord[]>;
  /** Forgets every consent of a person (their account is being deleted). */
  removeAll(userId: string): Promise<void>;
}
