/**
 * The narrow slice of the CloudBase document database the store needs, in plain data. The
 * repositories speak only this; `node-sdk-doc-db.ts` translates it to `@cloudbase/node-sdk`,
 * and the tests run the same repositories on an in-memory twin of it.
 */

export type Scalar = string | number | boolean | null;

/** GeoJSON point ([longitude, latitude], GCJ-02 here); fields holding one can carry a 2dsphere index. */
export interface GeoPoint {
  type: 'Point';
  coordinates: [number, number];
}

/** Bounds on a number or (ordered by code unit) a string. */
export type Range = { gt?: number | string; gte?: number | string; lt?: number | string; lte?: number | string };

/**
 * A field condition. A plain value means equality; on an array field, equality and `in` match when
 * any element does (the database's own array semantics).
 */
export type Condition = Scalar | { in: readonly Scalar[] } | { nin: readonly Scalar[] } | { ne: Scalar } | Range;

/** Every condition must hold. Undefined entries are ignored, so optional filters read naturally. */
export type Where = Record<string, Condition | undefined>;

export interface Order {
  field: string;
  direction: 'asc' | 'desc';
}

export interface FindOptions {
  orderBy?: readonly Order[];
  skip?: number;
  /** How many at most; the adapter pages through the platform's per-call cap. */
  limit: number;
  /** Only these fields (and `_id`). */
  fields?: readonly string[];
}

/** A stored document: `_id` is the record's key (composite keys are joined with ':'). */
export type Doc = { _id: string } & Record<string, unknown>;

export interface GeoNearQuery {
  /** The indexed point field. */
  field: string;
  near: GeoPoint;
  maxDistanceM: number;
  where: Where;
  limit: number;
}

/** Document operations allowed inside a CloudBase transaction: one document at a time, by id. */
export interface DocSession {
  get(collection: string, id: string): Promise<Doc | null>;
  /** Creates or replaces the whole document. */
  set(collection: string, doc: Doc): Promise<void>;
  /** Creates the document in one call; rejects with `DuplicateDocumentError` when its id is taken. */
  insert(collection: string, doc: Doc): Promise<void>;
  /** Sets these fields of an existing document. */
  update(collection: string, id: string, fields: Record<string, unknown>): Promise<void>;
  remove(collection: string, id: string): Promise<void>;
}

/**
 * A group key: a field's value, or the whole minutes from one time field to another (rounded to the
 * nearest minute; null when either is missing).
 */
export type GroupKey = string | { minutesFrom: string; to: string };

/** Documents matching `match`, counted (and summed) per distinct value of the keys, in the database. */
export interface AggregateQuery {
  collection: string;
  match: Where;
  groupBy: Record<string, GroupKey>;
  /** Totals per group: name → the number field summed. */
  sums?: Record<string, string>;
}

/** One group: its keys' values (null when missing), `count`, and the sums asked for. */
export type GroupRow = Record<string, Scalar> & { count: number };

/**
 * Groups one aggregate call returns (its `limit` stage: without one the platform returns 20; from a
 * cloud function it takes up to 10,000); more are paged, sorted by their keys.
 */
export const AGGREGATE_PAGE = 10_000;

const MINUTE_MS = 60_000;
/** The key's value on one document (the twin's semantics, which the adapter's pipeline matches). */
export function groupKeyValue(value: (field: string) => unknown, key: GroupKey): Scalar {
  if (typeof key === 'string') {
    const found = value(key);
    return found === undefined ? null : (found as Scalar);
  }
  const from = value(key.minutesFrom);
  const to = value(key.to);
  if (typeof from !== 'number' || typeof to !== 'number') return null;
  return Math.floor((to - from + MINUTE_MS / 2) / MINUTE_MS);
}

export interface DocDb {
  /** Reads and writes outside any transaction (single-document writes are atomic by themselves). */
  readonly direct: DocSession;
  /** Queries read committed data; inside a transaction they do not see its own pending writes. */
  find(collection: string, where: Where, options: FindOptions): Promise<Doc[]>;
  count(collection: string, where: Where): Promise<number>;
  /** Nearest first, each with `distance` in metres (aggregate `geoNear`, which needs a 2dsphere index). */
  geoNear(query: GeoNearQuery & { collection: string }): Promise<(Doc & { distance: number })[]>;
  /** Counts and sums per group, computed by the database (aggregate `$match` then `$group`): every group, in no set order. */
  aggregate(query: AggregateQuery): Promise<GroupRow[]>;
  /**
   * Runs `work` in a transaction: all of its writes or none. It may run more than once when
   * another writer touched the same documents, so it must have no side effects.
   */
  transaction<T>(work: (session: DocSession) => Promise<T>): Promise<T>;
}

/** An insert whose id already exists (the database's unique `_id` index refused it). */
export class DuplicateDocumentError extends Error {
  constructor(readonly collection: string, readonly id: string) {
    super(`document ${collection}/${id} already exists`);
    this.name = 'DuplicateDocumentError';
  }
}

export function geoPoint(point: { lat: number; lng: number }): GeoPoint {
  return { type: 'Point', coordinates: [point.lng, point.lat] };
}

export function fromGeoPoint(point: GeoPoint): { lat: number; lng: number } {
  return { lat: point.coordinates[1], lng: point.coordinates[0] };
}

export function isGeoPoint(value: unknown): value is GeoPoint {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as GeoPoint).type === 'Point' &&
    Array.isArray((value as GeoPoint).coordinates) &&
    (value as GeoPoint).coordinates.length === 2
  );
}

/** Composite keys (a vote per deliberation and resident) become one document id, so the database enforces uniqueness. */
export function compositeId(...parts: readonly string[]): string {
  return parts.join(':');
}

/** Stores a record under its key. */
export function toDoc(id: string, record: object): Doc {
  const doc: Doc = { _id: id };
  for (const [key, value] of Object.entries(record)) {
    if (value !== undefined) doc[key] = value;
  }
  return doc;
}

/** A stored field that may be missing or null, as the record's `T | null`. */
export const orNull = <T>(value: unknown): T | null => (value === undefined || value === null ? null : (value as T));

/** A stored array of strings; anything else reads as none. */
export const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
