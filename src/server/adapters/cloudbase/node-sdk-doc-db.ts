import type { init } from '@cloudbase/node-sdk';
import { AppError } from '../../../shared/errors';
import type { Condition, Doc, DocDb, DocSession, FindOptions, GeoPoint, GroupRow, Where } from './doc-db';
import { AGGREGATE_PAGE, DuplicateDocumentError, isGeoPoint } from './doc-db';

export type CloudbaseDb = ReturnType<ReturnType<typeof init>['database']>;
type Command = CloudbaseDb['command'];
type QueryCommand = ReturnType<Command['eq']>;
type Collection = ReturnType<CloudbaseDb['collection']>;

/** Reads from a function return at most 100 documents per call on older environments: page by that. */
export const PAGE_SIZE = 100;
/** How often a transaction is re-run after a write conflict before giving up. */
export const CONFLICT_RETRIES = 5;
/** The SDK's code for a write that lost to a concurrent transaction. */
export const TRANSACTION_CONFLICT = 'DATABASE_TRANSACTION_CONFLICT';
/** What the caller reads when every retry lost: the same request later is likely to go through. */
export const CONFLICT_EXHAUSTED_MESSAGE = '同时操作的人较多，这次没有保存成功，请稍后重试';

/** A conflict the SDK gave up on, as our `checked` throws it or as the SDK throws a refused commit (`{ code, message }`). */
export function isTransactionConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === TRANSACTION_CONFLICT;
}

/** The SDK's transaction handle (typed `any` there): documents are reached through its `collection()`. */
interface TransactionHandle {
  collection(name: string): Collection;
}
type RunTransaction = <T>(callback: (transaction: TransactionHandle) => Promise<T>, times?: number) => Promise<T>;

/** Translates one field condition into the SDK's command objects. */
export function toCommand(command: Command, condition: Condition): unknown {
  if (condition === null || typeof condition !== 'object') return condition;
  if ('in' in condition) return command.in([...condition.in]);
  if ('nin' in condition) return command.nin([...condition.nin]);
  if ('ne' in condition) return command.neq(condition.ne);
  const parts: QueryCommand[] = [];
  if (condition.gt !== undefined) parts.push(command.gt(condition.gt));
  if (condition.gte !== undefined) parts.push(command.gte(condition.gte));
  if (condition.lt !== undefined) parts.push(command.lt(condition.lt));
  if (condition.lte !== undefined) parts.push(command.lte(condition.lte));
  if (parts.length === 0) throw new Error('empty range condition');
  return parts.length === 1 ? parts[0] : command.and(...(parts as never[]));
}

export function toQuery(command: Command, where: Where): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const [field, condition] of Object.entries(where)) {
    if (condition !== undefined) query[field] = toCommand(command, condition);
  }
  return query;
}

/** GeoJSON in our documents, `Geo.Point` in the SDK's: the serializer only recognises its own class. */
export function toStored(db: CloudbaseDb, value: unknown): unknown {
  if (isGeoPoint(value)) return new db.Geo.Point(value.coordinates[0], value.coordinates[1]);
  if (Array.isArray(value)) return value.map((item) => toStored(db, item));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = toStored(db, item);
    return out;
  }
  return value;
}

/**
 * An update's fields as the SDK must get them. The SDK turns a plain object into dot paths, merging
 * it into the stored one (keys left out stay, an empty object is dropped); a record's field is
 * replaced whole, as the twin and SQLite do, so object values go in a `set` command.
 */
export function toStoredUpdate(db: CloudbaseDb, fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const stored = toStored(db, value);
    const plainObject = value !== null && typeof value === 'object' && !Array.isArray(value) && !isGeoPoint(value);
    out[key] = plainObject ? db.command.set(stored) : stored;
  }
  return out;
}

export function fromStored(value: unknown): unknown {
  if (value !== null && typeof value === 'object') {
    const point = value as { longitude?: unknown; latitude?: unknown; toJSON?: () => unknown };
    if (typeof point.longitude === 'number' && typeof point.latitude === 'number') {
      const geo: GeoPoint = { type: 'Point', coordinates: [point.longitude, point.latitude] };
      return geo;
    }
    if (Array.isArray(value)) return value.map(fromStored);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = fromStored(item);
    return out;
  }
  return value;
}

/** A database failure as CloudBase reported it (its code kept for logs and conflict detection). */
export class CloudbaseError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'CloudbaseError';
  }
}

/** Queries of this SDK answer failures as `{ code, message }` instead of throwing: make them throw. */
export async function checked<T>(pending: Promise<T>): Promise<T> {
  const result = await pending;
  if (result !== null && typeof result === 'object' && 'code' in result && (result as { code?: unknown }).code) {
    const { code, message } = result as { code: unknown; message?: unknown };
    throw new CloudbaseError(String(code), String(message ?? ''));
  }
  return result;
}

/** The code CloudBase answers an insert whose `_id` is taken with. */
export const DUPLICATE_WRITE = 'DATABASE_DUPLICATE_WRITE';

/**
 * `DocumentReference.create` (database.insertDocument, also inside a transaction) exists in the SDK
 * but is missing from its typings; it inserts under the reference's id and fails when it is taken.
 */
interface InsertableRef {
  create(data: object): Promise<unknown>;
}

async function insertDoc(db: CloudbaseDb, ref: unknown, collection: string, doc: Doc): Promise<void> {
  try {
    await checked((ref as InsertableRef).create(toStored(db, withoutId(doc)) as object));
  } catch (error) {
    if (error instanceof CloudbaseError && error.code === DUPLICATE_WRITE) throw new DuplicateDocumentError(collection, doc._id);
    throw error;
  }
}

function asDoc(value: unknown): Doc | null {
  if (value === null || value === undefined) return null;
  const doc = Array.isArray(value) ? value[0] : value;
  return doc ? (fromStored(doc) as Doc) : null;
}

function withoutId(doc: Doc): Record<string, unknown> {
  const { _id: _ignored, ...fields } = doc;
  return fields;
}

function directSession(db: CloudbaseDb, collectionOf: (name: string) => Collection): DocSession {
  return {
    async get(collection, id) {
      const result = (await checked(collectionOf(collection).doc(id).get())) as { data?: unknown };
      return asDoc(result.data);
    },
    async set(collection, doc) {
      await checked(collectionOf(collection).doc(doc._id).set(toStored(db, withoutId(doc)) as object));
    },
    async insert(collection, doc) {
      await insertDoc(db, collectionOf(collection).doc(doc._id), collection, doc);
    },
    async update(collection, id, fields) {
      await checked(collectionOf(collection).doc(id).update(toStoredUpdate(db, fields)));
    },
    async remove(collection, id) {
      await checked(collectionOf(collection).doc(id).remove());
    },
  };
}

function transactionSession(db: CloudbaseDb, transaction: TransactionHandle, prefix: string): DocSession {
  const ref = (collection: string, id: string) => transaction.collection(prefix + collection).doc(id);
  return {
    async get(collection, id) {
      const result = (await checked(ref(collection, id).get())) as { data?: unknown };
      return asDoc(result.data);
    },
    async set(collection, doc) {
      await checked(ref(collection, doc._id).set(toStored(db, withoutId(doc)) as object));
    },
    async insert(collection, doc) {
      await insertDoc(db, ref(collection, doc._id), collection, doc);
    },
    async update(collection, id, fields) {
      await checked(ref(collection, id).update(toStoredUpdate(db, fields)));
    },
    async remove(collection, id) {
      await checked(ref(collection, id).remove());
    },
  };
}

/**
 * The store's database on CloudBase. The SDK's `runTransaction` re-runs the callback only after
 * DATABASE_TRANSACTION_CONFLICT and rolls back and rethrows anything else (our refusals included).
 */
export function createNodeSdkDocDb(db: CloudbaseDb, options: { collectionPrefix?: string } = {}): DocDb {
  const command = db.command;
  const prefix = options.collectionPrefix ?? '';
  const collectionOf = (name: string) => db.collection(prefix + name);
  return {
    direct: directSession(db, collectionOf),

    async find(collection, where, options: FindOptions) {
      const out: Doc[] = [];
      let skip = options.skip ?? 0;
      while (out.length < options.limit) {
        let query = collectionOf(collection).where(toQuery(command, where));
        for (const order of options.orderBy ?? []) query = query.orderBy(order.field, order.direction);
        if (options.fields) query = query.field(Object.fromEntries(options.fields.map((field) => [field, true])));
        const size = Math.min(PAGE_SIZE, options.limit - out.length);
        const page = (await checked(query.skip(skip).limit(size).get())) as { data: unknown[] };
        for (const item of page.data) out.push(fromStored(item) as Doc);
        if (page.data.length < size) break;
        skip += page.data.length;
      }
      return out;
    },

    async count(collection, where) {
      const result = (await checked(collectionOf(collection).where(toQuery(command, where)).count())) as { total: number };
      return result.total;
    },

    async geoNear(query) {
      const result = (await checked(
        collectionOf(query.collection)
          .aggregate()
          .geoNear({
            distanceField: 'distance',
            spherical: true,
            key: query.field,
            near: new db.Geo.Point(query.near.coordinates[0], query.near.coordinates[1]),
            maxDistance: query.maxDistanceM,
            query: toQuery(command, query.where),
          })
          .limit(query.limit)
          .end(),
      )) as { data: unknown[] };
      return result.data.map((item) => fromStored(item) as Doc & { distance: number });
    },

    async aggregate(query) {
      const $ = command.aggregate;
      const field = (name: string) => `$${name}`;
      // Rounded minutes as the twin computes them: floor((to - from + 30 s) / 60 s); null when either side is.
      const id = Object.fromEntries(
        Object.entries(query.groupBy).map(([name, key]) => [
          name,
          typeof key === 'string' ? field(key) : $.floor($.divide([$.add([$.subtract([field(key.to), field(key.minutesFrom)]), 30_000]), 60_000])),
        ]),
      );
      const sums = Object.entries(query.sums ?? {});
      const group = { _id: id, count: $.sum(1), ...Object.fromEntries(sums.map(([name, summed]) => [name, $.sum(field(summed))])) };
      const out: GroupRow[] = [];
      for (let skip = 0; ; skip += AGGREGATE_PAGE) {
        const page = (await checked(
          collectionOf(query.collection)
            .aggregate()
            .match(toQuery(command, query.match))
            .group(group)
            .sort({ _id: 1 })
            .skip(skip)
            .limit(AGGREGATE_PAGE)
            .end(),
        )) as { data: { _id: Record<string, unknown> | null; count: number; [sum: string]: unknown }[] };
        for (const row of page.data) {
          const keys = Object.fromEntries(Object.keys(query.groupBy).map((name) => [name, (row._id?.[name] ?? null) as GroupRow[string]]));
          out.push({ ...keys, ...Object.fromEntries(sums.map(([name]) => [name, Number(row[name] ?? 0)])), count: Number(row.count) } as GroupRow);
        }
        if (page.data.length < AGGREGATE_PAGE) return out;
      }
    },

    async transaction<T>(work: (session: DocSession) => Promise<T>): Promise<T> {
      const run = db.runTransaction as RunTransaction;
      try {
        return await run.call<CloudbaseDb, [(transaction: TransactionHandle) => Promise<T>, number], Promise<T>>(db, (transaction) => work(transactionSession(db, transaction, prefix)), CONFLICT_RETRIES);
      } catch (error) {
        // Every retry lost to a concurrent writer: nothing was written, and trying again later is the remedy.
        if (isTransactionConflict(error)) throw new AppError('CONFLICT', CONFLICT_EXHAUSTED_MESSAGE);
        throw error;
      }
    },
  };
}
