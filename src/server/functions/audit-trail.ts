import { createHash } from 'node:crypto';
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
  const entry: AuditEntry = {
    // A retried call (the same input again, which the use cases answer without a second write) is the
    // same entry, not a second one; an export is a new file each time, so each one is its own entry.
    id: action === 'reports.exportWorkbook' ? newId('au') : `au_${createHash('sha256').update(`${caller.id}\u0000${action}\u0000${JSON.stringify(input)}`).digest('hex').slice(0, 32)}`,
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
