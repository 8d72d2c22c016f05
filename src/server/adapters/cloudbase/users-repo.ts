import { DEPARTED_NAME } from '../../../shared/domain/privacy';
import type { Role } from '../../../shared/domain/roles';
import type { UserRecord, UserRepo } from '../../ports';
import type { Doc, DocDb, Where } from './doc-db';
import type { StoreSession } from './session-cache';
import { toDoc } from './doc-db';
import { keywordTerms, searchTerms, startsWithFolded, containsFolded } from './keyword-terms';
import { findPage, scanPage } from './paging';

/*
 * Collections written here:
 *   users            `_id` = user id: the UserRecord plus `searchTerms` (see below).
 *   users_by_openid  `_id` = openid → `{ userId, user }`: makes the openid unique and lets
 *                    `getByOpenid` read by id (so it sees the caller's own transaction); `user`
 *                    is a copy of the record, kept with every write, so finding the caller of
 *                    an action is one round trip (older keys without it fall back to `users`).
 * A rename or new phone is copied onto the member document and the member's household links
 * (members-repo.ts), which carry the name for dispatch and lists.
 */

export const USERS = 'users';
export const USERS_BY_OPENID = 'users_by_openid';
export const MEMBERS = 'members';
export const MEMBER_HOUSEHOLDS = 'member_households';

export function toUser(doc: Doc): UserRecord {
  return {
    id: String(doc.id),
    openid: String(doc.openid),
    name: String(doc.name),
    phone: String(doc.phone),
    communityId: String(doc.communityId),
    gridId: (doc.gridId as string | null | undefined) ?? null,
    householdId: (doc.householdId as string | null | undefined) ?? null,
    roles: [...((doc.roles as Role[] | undefined) ?? [])],
    address: String(doc.address ?? ''),
    home: (doc.home as UserRecord['home'] | undefined) ?? null,
    createdAt: Number(doc.createdAt),
    ...(typeof doc.leftAt === 'number' ? { leftAt: doc.leftAt } : {}),
  };
}

function userDoc(user: UserRecord): Doc {
  return { ...toDoc(user.id, user), searchTerms: searchTerms({ prefix: [user.name, user.phone], contains: [user.address] }) };
}

function openidKey(user: UserRecord): Doc {
  return { _id: user.openid, userId: user.id, user: { ...user } };
}

/** The member document's search terms: the user's name and phone by prefix, skills (as SQLite's JSON text) and work unit contained. */
export function memberSearchTerms(member: { skills: readonly string[]; workUnit: string }, user: { name: string; phone: string }): string[] {
  return searchTerms({ prefix: [user.name, user.phone], contains: [JSON.stringify(member.skills), member.workUnit] });
}

const PATCH_FIELDS = ['name', 'phone', 'communityId', 'gridId', 'householdId', 'roles', 'address', 'home'] as const;

export function createUserRepo(db: DocDb, session: StoreSession): UserRepo {
  const getById = async (id: string) => {
    const doc = await session.get(USERS, id);
    return doc ? toUser(doc) : null;
  };
  return {
    getById,
    async getByOpenid(openid) {
      const key = await session.get(USERS_BY_OPENID, openid);
      if (!key) return null;
      return key.user ? toUser(key.user as Doc) : getById(String(key.userId));
    },
    async listByIds(ids) {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return [];
      // A query (committed data), in the order asked for.
      const found = new Map<string, UserRecord>();
      for (let start = 0; start < unique.length; start += 100) {
        const chunk = unique.slice(start, start + 100);
        for (const doc of await db.find(USERS, { _id: { in: chunk } }, { limit: chunk.length })) found.set(doc._id, toUser(doc));
      }
      return unique.flatMap((id) => {
        const user = found.get(id);
        return user ? [user] : [];
      });
    },
    async listByRole(communityId, role) {
      // Same cap and order as SQLite.
      const docs = await db.find(USERS, { communityId, roles: role }, { orderBy: [{ field: 'id', direction: 'asc' }], limit: 200 });
      return docs.map(toUser);
    },
    async search(communityId, filter, page) {
      const where: Where = { communityId, roles: filter.role };
      const keyword = filter.keyword;
      if (!keyword) {
        const result = await findPage(db, USERS, where, page);
        return { items: result.items.map(toUser), nextCursor: result.nextCursor };
      }
      where.searchTerms = { in: keywordTerms(keyword, { prefix: true, contains: true }) };
      const result = await scanPage(db, USERS, where, page, (doc) => {
        const user = toUser(doc);
        return startsWithFolded(user.name, keyword) || startsWithFolded(user.phone, keyword) || containsFolded(user.address, keyword);
      });
      return { items: result.items.map(toUser), nextCursor: result.nextCursor };
    },
    async insert(user) {
      // The primary key and the unique openid, as the SQLite schema enforces them.
      await session.create(USERS, userDoc(user), `UNIQUE constraint failed: users.id (${user.id})`);
      await session.create(USERS_BY_OPENID, openidKey(user), 'UNIQUE constraint failed: users.openid');
    },
    async update(id, patch) {
      const current = await getById(id);
      if (!current) return;
      const next: UserRecord = { ...current };
      let changed = false;
      for (const field of PATCH_FIELDS) {
        const value = patch[field];
        if (value === undefined) continue;
        (next as unknown as Record<string, unknown>)[field] = value;
        changed = true;
      }
      if (!changed) return;
      // The whole document is replaced: a partial update would merge nested objects (`home`).
      await session.set(USERS, userDoc(next));
      await session.set(USERS_BY_OPENID, openidKey(next));
      if (next.name === current.name && next.phone === current.phone) return;
      // Members carry the name (dispatch, lists) and phone (list search) of their user.
      const member = await session.get(MEMBERS, id);
      if (member) {
        const terms = memberSearchTerms({ skills: (member.skills as string[] | undefined) ?? [], workUnit: String(member.workUnit ?? '') }, next);
        await session.set(MEMBERS, { ...member, name: next.name, phone: next.phone, searchTerms: terms });
      }
      const links = await session.get(MEMBER_HOUSEHOLDS, id);
      if (links && next.name !== current.name) await session.set(MEMBER_HOUSEHOLDS, { ...links, name: next.name });
    },
    async erase(id, at) {
      const current = await getById(id);
      if (!current) return;
      const erased: UserRecord = {
        ...current,
        // No WeChat user has this openid: the person may join again as someone new.
        openid: `left:${id}`,
        name: DEPARTED_NAME,
        phone: '',
        address: '',
        home: null,
        householdId: null,
        roles: [],
        leftAt: at,
      };
      await session.set(USERS, userDoc(erased));
      if (current.openid !== erased.openid) await session.remove(USERS_BY_OPENID, current.openid);
    },
  };
}
