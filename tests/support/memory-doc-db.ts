import { distanceMeters as distanceM } from '../../src/shared/domain/geo';
import type { AggregateQuery, Condition, Doc, DocDb, DocSession, FindOptions, GeoNearQuery, GroupRow, Scalar, Where } from '../../src/server/adapters/cloudbase/doc-db';
import { AGGREGATE_PAGE, DuplicateDocumentError, fromGeoPoint, groupKeyValue, isGeoPoint } from '../../src/server/adapters/cloudbase/doc-db';
import { CONFLICT_EXHAUSTED_MESSAGE } from '../../src/server/adapters/cloudbase/node-sdk-doc-db';
import { AppError } from '../../src/shared/errors';

/** The platform's per-call cap on reads from a function (older environments). */
const PLATFORM_PAGE = 100;

/** Tries a transaction gets in the twin before the adapter's conflict error (production: `CONFLICT_RETRIES` + 1). */
const TWIN_ATTEMPTS = 100;

type Collections = Map<string, Map<string, Doc>>;

const copy = <T>(value: T): T => structuredClone(value);
/** One document's key across collections (for its version). */
const docKey = (collection: string, id: string) => `${collection}\u0000${id}`;

function fieldValue(doc: Doc, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function scalarMatches(value: unknown, condition: Condition): boolean {
  if (condition === null || typeof condition !== 'object') return (value ?? null) === condition;
  if ('in' in condition) return condition.in.includes((value ?? null) as Scalar);
  if ('nin' in condition) return !condition.nin.includes((value ?? null) as Scalar);
  if ('ne' in condition) return (value ?? null) !== condition.ne;
  if (typeof value !== 'number' && typeof value !== 'string') return false;
  const bounds = [condition.gt, condition.gte, condition.lt, condition.lte].filter((bound) => bound !== undefined);
  if (bounds.some((bound) => typeof bound !== typeof value)) return false;
  if (condition.gt !== undefined && !(value > condition.gt)) return false;
  if (condition.gte !== undefined && !(value >= condition.gte)) return false;
  if (condition.lt !== undefined && !(value < condition.lt)) return false;
  if (condition.lte !== undefined && !(value <= condition.lte)) return false;
  return true;
}

/** MongoDB semantics: on an array field a positive condition holds when any element matches; `nin`/`ne` when none does. */
function conditionHolds(value: unknown, condition: Condition): boolean {
  if (Array.isArray(value)) {
    const negative = condition !== null && typeof condition === 'object' && ('nin' in condition || 'ne' in condition);
    return negative ? value.every((item) => scalarMatches(item, condition)) : value.some((item) => scalarMatches(item, condition));
  }
  return scalarMatches(value, condition);
}

export function matches(doc: Doc, where: Where): boolean {
  return Object.entries(where).every(([field, condition]) => condition === undefined || conditionHolds(fieldValue(doc, field), condition));
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  return (a as number | string) < (b as number | string) ? -1 : 1;
}

/**
 * An in-memory twin of the CloudBase document database, as far as `DocDb` reaches: the same
 * per-call read cap, queries that see only committed data, transactions whose writes land
 * all together at commit, and geoNear that requires a point field. The CloudBase store runs on
 * it offline; the live suite runs the same tests against the real service.
 */
export class MemoryDocDb implements DocDb {
  private readonly collections: Collections = new Map();
  /** How often each document was written: a transaction compares it at commit to see whether it lost a race. */
  private readonly versions = new Map<string, number>();
  /** Read calls made (each one a round trip in production). */
  calls = 0;

  readonly direct: DocSession = {
    get: async (collection, id) => copy(this.table(collection).get(id) ?? null),
    set: async (collection, doc) => {
      this.table(collection).set(doc._id, copy(doc));
      this.bump(docKey(collection, doc._id));
    },
    insert: async (collection, doc) => {
      if (this.table(collection).has(doc._id)) throw new DuplicateDocumentError(collection, doc._id);
      this.table(collection).set(doc._id, copy(doc));
      this.bump(docKey(collection, doc._id));
    },
    update: async (collection, id, fields) => {
      const current = this.table(collection).get(id);
      if (!current) throw new Error(`document ${collection}/${id} does not exist`);
      this.table(collection).set(id, { ...current, ...copy(fields) });
      this.bump(docKey(collection, id));
    },
    remove: async (collection, id) => {
      this.table(collection).delete(id);
      this.bump(docKey(collection, id));
    },
  };

  private table(name: string): Map<string, Doc> {
    let table = this.collections.get(name);
    if (!table) {
      table = new Map();
      this.collections.set(name, table);
    }
    return table;
  }

  /** Every document of a collection (tests only). */
  all(collection: string): Doc[] {
    return [...this.table(collection).values()].map(copy);
  }

  async find(collection: string, where: Where, options: FindOptions): Promise<Doc[]> {
    let docs = [...this.table(collection).values()].filter((doc) => matches(doc, where));
    const orders = options.orderBy ?? [];
    if (orders.length > 0) {
      docs.sort((a, b) => {
        for (const order of orders) {
          const result = compare(fieldValue(a, order.field), fieldValue(b, order.field));
          if (result !== 0) return order.direction === 'asc' ? result : -result;
        }
        return 0;
      });
    }
    docs = docs.slice(options.skip ?? 0);
    const out = docs.slice(0, options.limit);
    // One round trip per platform page, as the real adapter makes.
    this.calls += Math.max(1, Math.ceil(out.length / PLATFORM_PAGE));
    if (!options.fields) return out.map(copy);
    const keep = new Set(['_id', ...options.fields]);
    return out.map((doc) => Object.fromEntries(Object.entries(copy(doc)).filter(([key]) => keep.has(key))) as Doc);
  }

  async count(collection: string, where: Where): Promise<number> {
    this.calls++;
    let total = 0;
    for (const doc of this.table(collection).values()) if (matches(doc, where)) total++;
    return total;
  }

  async geoNear(query: GeoNearQuery & { collection: string }): Promise<(Doc & { distance: number })[]> {
    this.calls++;
    const center = fromGeoPoint(query.near);
    const found: (Doc & { distance: number })[] = [];
    for (const doc of this.table(query.collection).values()) {
      const point = fieldValue(doc, query.field);
      if (!isGeoPoint(point)) continue;
      if (!matches(doc, query.where)) continue;
      const distance = distanceM(center, fromGeoPoint(point));
      if (distance <= query.maxDistanceM) found.push({ ...copy(doc), distance });
    }
    found.sort((a, b) => a.distance - b.distance);
    return found.slice(0, query.limit);
  }

  async aggregate(query: AggregateQuery): Promise<GroupRow[]> {
    const groups = new Map<string, GroupRow>();
    const sums = Object.entries(query.sums ?? {});
    for (const doc of this.table(query.collection).values()) {
      if (!matches(doc, query.match)) continue;
      const keys = Object.fromEntries(Object.entries(query.groupBy).map(([name, key]) => [name, groupKeyValue((field) => fieldValue(doc, field), key)]));
      const id = JSON.stringify(keys);
      const row = groups.get(id) ?? ({ ...keys, ...Object.fromEntries(sums.map(([name]) => [name, 0])), count: 0 } as GroupRow);
      row.count++;
      for (const [name, field] of sums) {
        const value = fieldValue(doc, field);
        if (typeof value === 'number') (row as Record<string, Scalar>)[name] = Number(row[name]) + value;
      }
      groups.set(id, row);
    }
    const rows = [...groups.values()];
    this.calls += Math.max(1, Math.ceil(rows.length / AGGREGATE_PAGE));
    return rows;
  }

  /**
   * Transactions run side by side, as on CloudBase: reads see committed data, writes wait in an
   * overlay that only the transaction's own `get` sees and land together at commit. A transaction
   * that writes a document another one committed since it first touched it lost the race: it is
   * re-run, as the SDK's `runTransaction` does, each try counted. The SDK gives up after
   * `CONFLICT_RETRIES`; the twin lets a burst of racers through one after another (up to
   * `TWIN_ATTEMPTS`), so the contract tests check who wins, not how lucky the timing was.
   */
  async transaction<T>(work: (session: DocSession) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const pending = new Map<string, { collection: string; id: string; doc: Doc | null }>();
      const firstSeen = new Map<string, number>();
      const touch = (collection: string, id: string) => {
        const at = docKey(collection, id);
        if (!firstSeen.has(at)) firstSeen.set(at, this.versions.get(at) ?? 0);
        return at;
      };
      const read = (collection: string, id: string): Doc | null => {
        const staged = pending.get(touch(collection, id));
        if (staged) return copy(staged.doc);
        return copy(this.table(collection).get(id) ?? null);
      };
      const stage = (collection: string, id: string, doc: Doc | null) => pending.set(touch(collection, id), { collection, id, doc });
      const session: DocSession = {
        get: async (collection, id) => read(collection, id),
        set: async (collection, doc) => {
          stage(collection, doc._id, copy(doc));
        },
        insert: async (collection, doc) => {
          if (read(collection, doc._id)) throw new DuplicateDocumentError(collection, doc._id);
          stage(collection, doc._id, copy(doc));
        },
        update: async (collection, id, fields) => {
          const current = read(collection, id);
          if (!current) throw new Error(`document ${collection}/${id} does not exist`);
          stage(collection, id, { ...current, ...copy(fields) });
        },
        remove: async (collection, id) => {
          stage(collection, id, null);
        },
      };
      const result = await work(session);
      const lost = [...pending.keys()].some((at) => (this.versions.get(at) ?? 0) !== firstSeen.get(at));
      if (lost) {
        if (attempt >= TWIN_ATTEMPTS) throw new AppError('CONFLICT', CONFLICT_EXHAUSTED_MESSAGE);
        continue;
      }
      for (const [at, { collection, id, doc }] of pending) {
        if (doc) this.table(collection).set(id, doc);
        else this.table(collection).delete(id);
        this.bump(at);
      }
      return result;
    }
  }

  private bump(at: string): void {
    this.versions.set(at, (this.versions.get(at) ?? 0) + 1);
  }
}
