import { DuplicateDocumentError, type Doc, type DocSession } from './doc-db';

type Pending = { kind: 'set'; doc: Doc; duplicate?: string } | { kind: 'update'; fields: Record<string, unknown> } | { kind: 'remove' };

/** The session the repositories write through. */
export interface StoreSession extends DocSession {
  /** Creates a document that must not exist yet; `duplicate` is the error when it does (a unique key). */
  create(collection: string, doc: Doc, duplicate: string): Promise<void>;
  /**
   * Keeps a copy of a document found by a query, so a later `get` of it costs nothing. Only for
   * documents nobody changes once written (a shop, a catalogue item's owner), where the query's
   * committed view is the document.
   */
  remember(collection: string, doc: Doc): void;
}

export interface CachedSession extends StoreSession {
  /** Sends every buffered write at once (one round trip), then forgets them. */
  flush(): Promise<void>;
}

/** Inserts, answering a taken id with the repository's own duplicate message. */
async function insertUnique(session: DocSession, collection: string, doc: Doc, duplicate: string): Promise<void> {
  try {
    await session.insert(collection, doc);
  } catch (error) {
    if (error instanceof DuplicateDocumentError) throw new Error(duplicate);
    throw error;
  }
}

const copy = <T>(value: T): T => structuredClone(value);
const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`;

/**
 * A session that reads each document at most once and holds writes until `flush`, when they go out
 * together: on CloudBase every call is a round trip, so one attempt of a transaction pays for each
 * document once and for its writes once. Reads see the attempt's own writes. A `set` or an `update`
 * of a document whose fields are all known replaces the buffered copy; an `update` of an unread
 * document stays a field update, so fields nobody read are left as they are. A `create` is sent as an
 * insert with the other writes, which the database refuses (and the transaction with it) when the id
 * is taken: no read to check first.
 */
export function cachedSession(session: DocSession): CachedSession {
  const read = new Map<string, Doc | null>();
  const pending = new Map<string, { collection: string; id: string; op: Pending }>();

  const known = async (collection: string, id: string): Promise<Doc | null> => {
    const key = keyOf(collection, id);
    if (!read.has(key)) read.set(key, await session.get(collection, id));
    return read.get(key) ?? null;
  };

  return {
    remember(collection, doc) {
      const key = keyOf(collection, doc._id);
      if (!read.has(key)) read.set(key, copy(doc));
    },
    async get(collection, id) {
      const staged = pending.get(keyOf(collection, id));
      if (staged?.op.kind === 'set') return copy(staged.op.doc);
      if (staged?.op.kind === 'remove') return null;
      const base = await known(collection, id);
      if (!base) return null;
      return copy(staged?.op.kind === 'update' ? { ...base, ...staged.op.fields } : base);
    },
    async set(collection, doc) {
      pending.set(keyOf(collection, doc._id), { collection, id: doc._id, op: { kind: 'set', doc: copy(doc) } });
    },
    async create(collection, doc, duplicate) {
      const key = keyOf(collection, doc._id);
      const staged = pending.get(key);
      if ((staged && staged.op.kind !== 'remove') || (!staged && read.get(key))) throw new Error(duplicate);
      // Known absent (read earlier, or removed in this attempt): no need to ask again.
      const checked = staged?.op.kind === 'remove' || (read.has(key) && read.get(key) === null);
      pending.set(key, { collection, id: doc._id, op: { kind: 'set', doc: copy(doc), duplicate: checked ? undefined : duplicate } });
    },
    insert(collection, doc) {
      return this.create(collection, doc, new DuplicateDocumentError(collection, doc._id).message);
    },
    async update(collection, id, fields) {
      const key = keyOf(collection, id);
      const staged = pending.get(key);
      if (staged?.op.kind === 'remove') throw new Error(`document ${collection}/${id} does not exist`);
      if (staged?.op.kind === 'set') {
        staged.op = { ...staged.op, doc: { ...staged.op.doc, ...copy(fields) } };
        return;
      }
      const merged = staged?.op.kind === 'update' ? { ...staged.op.fields, ...copy(fields) } : copy(fields);
      pending.set(key, { collection, id, op: { kind: 'update', fields: merged } });
    },
    async remove(collection, id) {
      pending.set(keyOf(collection, id), { collection, id, op: { kind: 'remove' } });
    },
    async flush() {
      const writes = [...pending.values()];
      pending.clear();
      await Promise.all(
        writes.map(({ collection, id, op }) => {
          if (op.kind === 'set') return op.duplicate ? insertUnique(session, collection, op.doc, op.duplicate) : session.set(collection, op.doc);
          if (op.kind === 'update') return session.update(collection, id, op.fields);
          return session.remove(collection, id);
        }),
      );
      for (const { collection, id } of writes) read.delete(keyOf(collection, id));
    },
  };
}

/**
 * Outside a transaction: each document is read once per call, and writes go straight through
 * (a single-document write is atomic by itself), forgetting what was read of that document.
 */
export function readOnceSession(session: DocSession): StoreSession {
  const read = new Map<string, Doc | null>();
  return {
    remember(collection, doc) {
      const key = keyOf(collection, doc._id);
      if (!read.has(key)) read.set(key, copy(doc));
    },
    async get(collection, id) {
      const key = keyOf(collection, id);
      if (!read.has(key)) read.set(key, await session.get(collection, id));
      const doc = read.get(key) ?? null;
      return doc ? copy(doc) : null;
    },
    async set(collection, doc) {
      read.delete(keyOf(collection, doc._id));
      await session.set(collection, doc);
    },
    async create(collection, doc, duplicate) {
      read.delete(keyOf(collection, doc._id));
      await insertUnique(session, collection, doc, duplicate);
    },
    insert: (collection, doc) => {
      read.delete(keyOf(collection, doc._id));
      return session.insert(collection, doc);
    },
    async update(collection, id, fields) {
      read.delete(keyOf(collection, id));
      await session.update(collection, id, fields);
    },
    async remove(collection, id) {
      read.delete(keyOf(collection, id));
      await session.remove(collection, id);
    },
  };
}
