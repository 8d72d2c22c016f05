import type { z } from 'zod';
import type { zRecordConsentInput } from '../../../shared/contracts/privacy';
import { CONSENT_PURPOSES, PRIVACY_POLICY_VERSION, type ConsentKind } from '../../../shared/domain/privacy';
import type { ConsentRecord, Tx } from '../../ports';
import { toConsentView } from '../../views/privacy-view';
import type { ActionContext } from '../context';

/** The consent as the guide words it now: what for, to which version, when. */
export function consentOf(userId: string, kind: ConsentKind, at: number): ConsentRecord {
  return { userId, kind, purpose: CONSENT_PURPOSES[kind].purpose, policyVersion: PRIVACY_POLICY_VERSION, grantedAt: at, withdrawnAt: null };
}

/** Keeps the consent unless the same one is already in force; answers the one in force. */
export async function grantConsent(tx: Tx, consent: ConsentRecord): Promise<{ consent: ConsentRecord; recorded: boolean }> {
  const recorded = await tx.consents.grant(consent);
  const current = (await tx.consents.list(consent.userId)).find((candidate) => candidate.kind === consent.kind) ?? consent;
  return { consent: current, recorded };
}

/** The app calls this when a person allowed location or photos at the tap that needed them. */
export async function recordConsent({ runtime, caller }: ActionContext, input: z.infer<typeof zRecordConsentInput>) {
  const consent = consentOf(caller.id, input.kind, runtime.clock.now());
  const result = await runtime.store.transaction((tx) => grantConsent(tx, consent));
  return { consent: toConsentView(result.consent), recorded: result.recorded };
}
