import { auditTarget, isAudited } from '../../shared/domain/audit';
import type { ActionName } from '../../shared/domain/permissions';
import { newId } from '../ids';
import type { AuditEntry, Runtime, UserRecord } from '../ports';

export interface AuditTrail {
  /** The runtime the action runs with: its first committed transaction carries the entry. */
  runtime: Runtime;
  /** After the action succeeded: writes the entry on its own if no transaction carried it (an export). */
  settle(): Promise<void>;
}

/**
 * 操作日志 for one call by staff: the entry is appended inside the action's own transaction, so the
 * write and its record commit together (a retried attempt writes the same entry again, not a second
 * one); a refused call leaves none. Null when the action or the caller is not audited.
 */
export function auditTrail(runtime: Runtime, caller: UserRecord | null, action: ActionName, input: unknown): AuditTrail | null {
  if (!caller || !isAudited(action, caller.roles)) return null;
  const { targetId, detail } = auditTarget(input);
  const token = typeof input === 'object' && input !== null ? (input as { clientToken?: unknown }).clientToken : undefined;
  const entry: AuditEntry = {
    // A retried call (same client token) is the same entry, not a second one.
    id: typeof token === 'string' ? `au_${caller.id}_${action}_${token}` : newId('au'),
    communityId: caller.communityId,
    actorId: caller.id,
    actorName: caller.name,
    actorRoles: caller.roles,
    action,
    targetId,
    detail,
    at: runtime.clock.now(),
  };
  let recorded = false;
  const store: Runtime['store'] = {
    ...runtime.store,
    async transaction(work) {
      const result = await runtime.store.transaction(async (tx) => {
        const done = await work(tx);
        if (!recorded) await tx.audit.append(entry);
        return done;
      });
      recorded = true;
      return result;
    },
  };
  return {
    runtime: { ...runtime, store },
    async settle() {
      if (!recorded) await runtime.store.standalone((tx) => tx.audit.append(entry));
      recorded = true;
    },
  };
}
