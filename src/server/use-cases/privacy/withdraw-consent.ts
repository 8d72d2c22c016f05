import type { z } from 'zod';
import type { zWithdrawConsentInput } from '../../../shared/contracts/privacy';
import type { ActionContext } from '../context';

/** Withdraws a consent; the app asks again the next time the feature needs it. */
export async function withdrawConsent({ runtime, caller }: ActionContext, input: z.infer<typeof zWithdrawConsentInput>) {
  const at = runtime.clock.now();
  return { withdrawn: await runtime.store.transaction((tx) => tx.consents.withdraw(caller.id, input.kind, at)) };
}
