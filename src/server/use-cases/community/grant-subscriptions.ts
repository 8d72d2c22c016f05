import type { TGrantSubscriptionsInput } from '../../../shared/contracts/community';
import type { ActionContext } from '../context';

/**
 * Records the one-time subscribe-message authorisations the caller just accepted in WeChat's prompt:
 * one more message of each template may be pushed to them (each push uses one up).
 */
export async function grantSubscriptions({ runtime, caller }: ActionContext, input: TGrantSubscriptionsInput) {
  const at = runtime.clock.now();
  await runtime.store.transaction((tx) => tx.subscriptions.grant(caller.id, input.templateKeys, at));
  return { granted: input.templateKeys.length };
}
