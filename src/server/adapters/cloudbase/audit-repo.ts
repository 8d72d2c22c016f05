import type { Role } from '../../../shared/domain/roles';
import type { AuditEntry, AuditRepo } from '../../ports';
import type { Doc, DocDb } from './doc-db';
import { orNull, toDoc } from './doc-db';
import { findPage } from './paging';
import type { StoreSession } from './session-cache';

/*
 * Collection written here:
 *   audit_log   `_id` = entry id: the AuditEntry. Written in the caller's transaction with the write it
 *               records, only when absent (a retried attempt, or a call replayed under the same client
 *               token, leaves the first). Nothing here updates or removes one; the security rule keeps
 *               clients out.
 */

export const AUDIT_LOG = 'audit_log';

function toEntry(doc: Doc): AuditEntry {
  return {
    id: String(doc.id),
    communityId: String(doc.communityId),
    actorId: String(doc.actorId),
    actorName: String(doc.actorName),
    actorRoles: (doc.actorRoles as Role[] | undefined) ?? [],
    action: String(doc.action),
    targetId: orNull<string>(doc.targetId),
    detail: String(doc.detail ?? ''),
    at: Number(doc.at),
  };
}

export function createAuditRepo(db: DocDb, session: StoreSession): AuditRepo {
  return {
    async append(entry) {
      // The first one stays (a replayed call under the same client token comes later, with a later time).
      if (await session.get(AUDIT_LOG, entry.id)) return;
      await session.set(AUDIT_LOG, toDoc(entry.id, entry));
    },
    async list(communityIds, page) {
      const result = await findPage(db, AUDIT_LOG, { communityId: { in: [...communityIds] } }, page, { createdAt: 'at', id: 'id' });
      return { items: result.items.map(toEntry), nextCursor: result.nextCursor };
    },
  };
}
