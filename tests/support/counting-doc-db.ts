import type { AggregateQuery, Doc, DocDb, DocSession, FindOptions, GeoNearQuery, Where } from '../../src/server/adapters/cloudbase/doc-db';
import { AGGREGATE_PAGE } from '../../src/server/adapters/cloudbase/doc-db';

/** What production pays for: every one of these is a network round trip from the function to the database. */
export const CALL_KINDS = ['get', 'set', 'insert', 'update', 'remove', 'find', 'count', 'geoNear', 'aggregate', 'startTransaction', 'commit'] as const;
export type CallKind = (typeof CALL_KINDS)[number];

/** One platform page of query results (the adapter pages through it one call at a time). */
const PLATFORM_PAGE = 100;

export interface CallFigures {
  /** Calls made one after another: calls issued together (Promise.all) share one wave. */
  sequential: number;
  total: number;
  byKind: Record<CallKind, number>;
  docsRead: number;
  docsWritten: number;
}

const zeroKinds = (): Record<CallKind, number> => Object.fromEntries(CALL_KINDS.map((kind) => [kind, 0])) as Record<CallKind, number>;

/**
 * Counts a DocDb's calls by kind and by wave, as the network sees them. A call joins the wave that is
 * still open (issued in the same turn as others, e.g. by Promise.all) or opens a new one; the wave
 * closes after `delayMs` (0: at the next macrotask), so awaiting a call before the next one costs a wave.
 * Counts are exact for one action at a time.
 */
export class CallCounter {
  private figures: CallFigures = CallCounter.empty();
  private openWave: Promise<void> | null = null;

  /** Each call as `wave kind collection`, when tracing (to see where an action's round trips go). */
  trace: string[] | null = null;

  constructor(public delayMs = 0) {}

  static empty(): CallFigures {
    return { sequential: 0, total: 0, byKind: zeroKinds(), docsRead: 0, docsWritten: 0 };
  }

  reset(): void {
    this.figures = CallCounter.empty();
  }

  snapshot(): CallFigures {
    return { ...this.figures, byKind: { ...this.figures.byKind } };
  }

  /** Counts what `work` makes, from a clean slate. */
  async measure<T>(work: () => Promise<T>): Promise<{ result: T; figures: CallFigures }> {
    this.reset();
    const result = await work();
    return { result, figures: this.snapshot() };
  }

  async roundTrip(kind: CallKind, waves = 1, collection = ''): Promise<void> {
    for (let wave = 0; wave < waves; wave++) {
      this.trace?.push(`${this.openWave ? this.figures.sequential : this.figures.sequential + 1} ${kind} ${collection}`);
      this.figures.byKind[kind]++;
      this.figures.total++;
      if (!this.openWave) {
        this.figures.sequential++;
        this.openWave = new Promise<void>((resolve) => {
          const close = () => {
            this.openWave = null;
            resolve();
          };
          if (this.delayMs > 0) setTimeout(close, this.delayMs);
          else setImmediate(close);
        });
      }
      await this.openWave;
    }
  }

  read(docs: number): void {
    this.figures.docsRead += docs;
  }

  wrote(docs: number): void {
    this.figures.docsWritten += docs;
  }
}

function countSession(session: DocSession, counter: CallCounter): DocSession {
  return {
    async get(collection, id) {
      await counter.roundTrip('get', 1, collection);
      const doc = await session.get(collection, id);
      if (doc) counter.read(1);
      return doc;
    },
    async set(collection, doc) {
      await counter.roundTrip('set', 1, collection);
      counter.wrote(1);
      return session.set(collection, doc);
    },
    async insert(collection, doc) {
      await counter.roundTrip('insert', 1, collection);
      await session.insert(collection, doc);
      counter.wrote(1);
    },
    async update(collection, id, fields) {
      await counter.roundTrip('update', 1, collection);
      counter.wrote(1);
      return session.update(collection, id, fields);
    },
    async remove(collection, id) {
      await counter.roundTrip('remove', 1, collection);
      counter.wrote(1);
      return session.remove(collection, id);
    },
  };
}

/** The same DocDb, with every call counted (and delayed when the counter says so). */
export function countingDocDb(inner: DocDb, counter: CallCounter): DocDb {
  return {
    direct: countSession(inner.direct, counter),
    async find(collection: string, where: Where, options: FindOptions): Promise<Doc[]> {
      await counter.roundTrip('find', 1, collection);
      const docs = await inner.find(collection, where, options);
      // Further platform pages are fetched one after another.
      const pages = Math.max(1, Math.ceil(docs.length / PLATFORM_PAGE));
      if (pages > 1) await counter.roundTrip('find', pages - 1, collection);
      counter.read(docs.length);
      return docs;
    },
    async count(collection, where) {
      await counter.roundTrip('count', 1, collection);
      return inner.count(collection, where);
    },
    async geoNear(query: GeoNearQuery & { collection: string }) {
      await counter.roundTrip('geoNear', 1, query.collection);
      const docs = await inner.geoNear(query);
      counter.read(docs.length);
      return docs;
    },
    async aggregate(query: AggregateQuery) {
      await counter.roundTrip('aggregate', 1, query.collection);
      const rows = await inner.aggregate(query);
      // Further pages of groups are fetched one after another.
      const pages = Math.max(1, Math.ceil(rows.length / AGGREGATE_PAGE));
      if (pages > 1) await counter.roundTrip('aggregate', pages - 1, query.collection);
      counter.read(rows.length);
      return rows;
    },
    transaction(work) {
      return inner.transaction(async (session) => {
        await counter.roundTrip('startTransaction');
        const result = await work(countSession(session, counter));
        await counter.roundTrip('commit');
        return result;
      });
    },
  };
}
