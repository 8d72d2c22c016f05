import type { TConsentView } from '../../shared/contracts/privacy';
import { CONSENT_PURPOSES } from '../../shared/domain/privacy';
import type { ConsentRecord } from '../ports';

export function toConsentView(consent: ConsentRecord): TConsentView {
  return {
    kind: consent.kind,
    label: CONSENT_PURPOSES[consent.kind].label,
    purpose: consent.purpose,
    policyVersion: consent.policyVersion,
    grantedAt: new Date(consent.grantedAt).toISOString(),
    withdrawnAt: consent.withdrawnAt === null ? null : new Date(consent.withdrawnAt).toISOString(),
  };
}
