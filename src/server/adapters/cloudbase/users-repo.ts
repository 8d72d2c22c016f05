import type { Page, TPageInput } from '../../../shared/contracts/common';
import type { Role } from '../../../shared/domain/roles';
import type { UserRecord, UserRepo } from '../../ports';
import type { Doc, DocDb, DocSession, Where } from './doc-db';
import { toDoc } from './doc-db';
import { findPage, type PageKeys } from './paging';

/*
 * Collections written here:
 *   users            `_id` = user id: the UserRecord plus `searchTerms` (see below).
 *   users_by_openid  `_id` = openid → `{ userId }`: makes the openid unique and lets
 *                    `getByOpenid` read by id (so it sees the caller's own transaction).
 * A rename or new phone is copied onto the member document and the member's household links
 * (members-repo.ts), which carry the name for dispatch and lists.
 */

export const USERS = 'users';
export const USERS_BY_OPENID = 'users_by_openid';
export const MEMBERS = 'members';
export const MEMBER_HOUSEHOLDS = 'member_households';

// ---------------------------------------------------------------------------------------------
// Keyword search without LIKE. SQLite matches `name LIKE 'kw%'` (prefix) and `address LIKE '%kw%'`
// (contains), ASCII case-insensitively. The document database has no such operator, so each
// searchable document carries `searchTerms`: `p:<prefix>` for every prefix (≤ 20 characters, the
// longest keyword the API accepts) of its prefix-searched texts, and `g:<gram>` for every one- and
// two-character piece of its contains-searched texts. A keyword selects documents holding
// `p:<keyword>` or `g:<one gram of the keyword>` (an indexed array match, a superset of the
// answer), and each is then checked exactly, as SQLite does, before it counts.
// ---------------------------------------------------------------------------------------------

export const PREFIX_MAX = 20;

/** Lower-cases ASCII letters only, as SQLite's LIKE does. */
export function foldAscii(text: string): string {
  return text.replace(/[A-Z]/g, (char) => char.toLowerCase());
}

export function searchTerms(texts: { prefix: readonly string[]; contains: readonly string[] }): string[] {
  const terms = new Set<string>();
  for (const text of texts.prefix) {
    const folded = foldAscii(text);
    for (let length = 1; length <= Math.min(folded.length, PREFIX_MAX); length++) terms.add(`p:${folded.slice(0, length)}`);
  }
  for (const text of texts.contains) {
    const folded = foldAscii(text);
    for (let index = 0; index < folded.length; index++) {
      terms.add(`g:${folded[index]}`);
      if (index + 1 < folded.length) terms.add(`g:${folded.slice(index, index + 2)}`);
    }
  }
  return [...terms].sort();
}

/** The terms one of which a match must hold: its prefix term, and one gram of it. */
export function keywordTerms(keyword: string, kinds: { prefix: boolean; contains: boolean }): string[] {
  const folded = foldAscii(keyword);
  const terms: string[] = [];
  if (kinds.prefix) terms.push(`p:${folded.slice(0, PREFIX_MAX)}`);
  if (kinds.contains) {
    if (folded.length <= 2) terms.push(`g:${folded}`);
    else {
      // Any two-character piece of the keyword is in every text containing it; one without a
      // space is usually the rarer (addresses are full of "3 ").
      const grams = Array.from({ length: folded.length - 1 }, (_, index) => folded.slice(index, index + 2));
      terms.push(`g:${grams.find((gram) => !/\s/.test(gram)) ?? grams[0]}`);
    }
  }
  return terms;
}

export const startsWithFolded = (text: string, keyword: string): boolean => foldAscii(text).startsWith(foldAscii(keyword));
export const containsFolded = (text: string, keyword: string): boolean => foldAscii(text).includes(foldAscii(keyword));

/** Documents read per call while scanning, and at most per page before a short page is returned. */
const SCAN_BATCH = 99;
const SCAN_CAP = 500;

/**
 * Keyset paging (newest first, same cursors as `findPage`) over the documents matching `where`
 * that also pass `accept`. Reads in batches until the page is full; after SCAN_CAP documents
 * without filling it, returns the matches so far with a cursor just after the last document read,
 * so the next page continues there: a page may then hold fewer than `limit` items, but no match is
 * ever skipped or repeated.
 */
export async function scanPage(db: DocDb, collection: string, where: Where, page: TPageInput, accept: (doc: Doc) => boolean, keys?: PageKeys): Promise<Page<Doc>> {
  const matched: Doc[] = [];
  let cursor = page.cursor;
  let scanned = 0;
  for (;;) {
    const batch = await findPage(db, collection, where, { cursor, limit: SCAN_BATCH }, keys);
    for (const doc of batch.items) {
      if (!accept(doc)) continue;
      matched.push(doc);
      if (matched.length > page.limit) {
        const last = matched[page.limit - 1];
        const createdAt = last[keys?.createdAt ?? 'createdAt'] as number;
        const id = String(last[keys?.id ?? 'id']);
        return { items: matched.slice(0, page.limit), nextCursor: `${createdAt}~${id}` };
      }
    }
    scanned += batch.items.length;
    if (!batch.nextCursor) return { items: matched, nextCursor: null };
    if (scanned >= SCAN_CAP) return { items: matched, nextCursor: batch.nextCursor };
    cursor = batch.nextCursor;
  }
}

/** Runs `work` on every item, at most `limit` at a time (queries fan out without flooding the database). */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** SQLite's BINARY collation (UTF-8 bytes, i.e. code points), for ORDER BY on text sorted here. */
export function binaryCompare(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const difference = (left[index].codePointAt(0) ?? 0) - (right[index].codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

// ---------------------------------------------------------------------------------------------

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
  };
}

function userDoc(user: UserRecord): Doc {
  return { ...toDoc(user.id, user), searchTerms: searchTerms({ prefix: [user.name, user.phone], contains: [user.address] }) };
}

/** The member document's search terms: the user's name and phone by prefix, skills (as SQLite's JSON text) and work unit contained. */
export function memberSearchTerms(member: { skills: readonly string[]; workUnit: string }, user: { name: string; phone: string }): string[] {
  return searchTerms({ prefix: [user.name, user.phone], contains: [JSON.stringify(member.skills), member.workUnit] });
}

const PATCH_FIELDS = ['name', 'phone', 'communityId', 'gridId', 'householdId', 'roles', 'address', 'home'] as const;

export function createUserRepo(db: DocDb, session: DocSession): UserRepo {
  const getById = async (id: string) => {
    const doc = await session.get(USERS, id);
    return doc ? toUser(doc) : null;
  };
  return {
    getById,
    async getByOpenid(openid) {
      const key = await session.get(USERS_BY_OPENID, openid);
      return key ? getById(String(key.userId)) : null;
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
      if (await session.get(USERS, user.id)) throw new Error(`UNIQUE constraint failed: users.id (${user.id})`);
      if (await session.get(USERS_BY_OPENID, user.openid)) throw new Error('UNIQUE constraint failed: users.openid');
      await session.set(USERS_BY_OPENID, { _id: user.openid, userId: user.id });
      await session.set(USERS, userDoc(user));
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
  };
}
