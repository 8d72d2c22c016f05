import * as tcb from '@cloudbase/node-sdk';
import { EJSON } from 'bson';
import { CloudbaseError, createNodeSdkDocDb, CONFLICT_RETRIES } from '../../src/server/adapters/cloudbase/node-sdk-doc-db';
import { AppError } from '../../src/shared/errors';
import { AGGREGATE_PAGE } from '../../src/server/adapters/cloudbase/doc-db';

/**
 * The real SDK builds and serialises every request; only its wire is replaced, by a fake that
 * records what would be sent to CloudBase and answers the way CloudBase answers.
 */
interface Call {
  api: string;
  params: Record<string, unknown>;
}

type Responder = (call: Call) => unknown;

function openWire(respond: Responder) {
  const calls: Call[] = [];
  class WireFake {
    async send(api: string, params: Record<string, unknown> = {}) {
      const call = { api, params };
      calls.push(call);
      return respond(call);
    }
  }
  const database = tcb.init({ env: 'test-env' }).database();
  (database.constructor as unknown as { reqClass: unknown }).reqClass = WireFake;
  return { db: createNodeSdkDocDb(database, { collectionPrefix: 'p_' }), calls };
}

const list = (docs: object[]) => ({ data: { list: docs.map((doc) => EJSON.stringify(doc, { relaxed: false })) }, requestId: 'r' });
const parse = (value: unknown) => EJSON.parse(String(value)) as Record<string, unknown>;

describe('CloudBase document database translation (real SDK, fake wire)', () => {
  test('a filtered, ordered read pages through the 100-per-call cap with offsets, in the prefixed collection', async () => {
    const docs = Array.from({ length: 150 }, (_, index) => ({ _id: `r${index}`, n: index }));
    const { db, calls } = openWire(({ params }) => {
      const offset = Number(params.offset ?? 0);
      return list(docs.slice(offset, offset + Number(params.limit)));
    });
    const found = await db.find(
      'requests',
      { communityId: 'c1', state: { in: ['submitted', 'dispatching'] }, createdAt: { gte: 10, lt: 20 }, gridId: { ne: null }, skills: { nin: ['x'] }, unused: undefined },
      { orderBy: [{ field: 'createdAt', direction: 'desc' }], limit: 150, fields: ['n'] },
    );
    expect(found).toHaveLength(150);
    expect(calls.map((call) => [call.api, call.params.collectionName, call.params.offset, call.params.limit])).toEqual([
      ['database.getDocument', 'p_requests', undefined, 100],
      ['database.getDocument', 'p_requests', 100, 50],
    ]);
    const query = parse(calls[0].params.query);
    expect(query.communityId).toBe('c1');
    expect(query.state).toEqual({ $in: ['submitted', 'dispatching'] });
    // The SDK lifts a two-sided range to a top-level $and of the field's bounds.
    expect(query.$and).toEqual([{ createdAt: { $gte: 10 } }, { createdAt: { $lt: 20 } }]);
    expect(query.gridId).toEqual({ $ne: null });
    expect(query.skills).toEqual({ $nin: ['x'] });
    expect(query).not.toHaveProperty('unused');
    expect(parse(calls[0].params.order)).toEqual({ createdAt: -1 });
    expect(parse(calls[0].params.projection)).toEqual({ n: 1 });
  });

  test('a short page ends the read without another call', async () => {
    const { db, calls } = openWire(() => list([{ _id: 'a' }, { _id: 'b' }]));
    expect(await db.find('users', {}, { limit: 1000 })).toHaveLength(2);
    expect(calls).toHaveLength(1);
  });

  test('GeoJSON points are written as the SDK geo type and read back as GeoJSON', async () => {
    const stored: Record<string, string> = {};
    const { db, calls } = openWire(({ api, params }) => {
      if (api === 'database.modifyDocument') {
        const id = String(parse(params.query)._id);
        stored[id] = EJSON.stringify({ _id: id, ...parse(params.data) }, { relaxed: false });
        return { data: { updated: 1, upsert_id: null }, requestId: 'r' };
      }
      return { data: { list: [stored.m1] }, requestId: 'r' };
    });
    await db.direct.set('members', { _id: 'm1', location: { type: 'Point', coordinates: [120.15, 30.27] }, skills: ['水电维修'] });
    const written = parse(calls[0].params.data);
    expect(written.location).toEqual({ type: 'Point', coordinates: [120.15, 30.27] });
    expect(calls[0].params).toMatchObject({ collectionName: 'p_members', upsert: true, merge: false });
    const read = await db.direct.get('members', 'm1');
    expect(read).toEqual({ _id: 'm1', location: { type: 'Point', coordinates: [120.15, 30.27] }, skills: ['水电维修'] });
  });

  test('count sends the translated query', async () => {
    const { db, calls } = openWire(() => ({ data: { total: 7 }, requestId: 'r' }));
    expect(await db.count('outbox', { userId: 'u1', readAt: null })).toBe(7);
    expect(calls[0].api).toBe('database.calculateDocument');
    expect(parse(calls[0].params.query)).toEqual({ userId: 'u1', readAt: null });
  });

  test('geoNear is the first aggregation stage, on the indexed field, with the filter and a distance field', async () => {
    const { db, calls } = openWire(() => list([{ _id: 'm1', distance: 42.5, location: { type: 'Point', coordinates: [120, 30] } }]));
    const found = await db.geoNear({ collection: 'members', field: 'location', near: { type: 'Point', coordinates: [120, 30] }, maxDistanceM: 3000, where: { status: 'approved', skills: { in: ['水电维修'] } }, limit: 50 });
    expect(found).toEqual([{ _id: 'm1', distance: 42.5, location: { type: 'Point', coordinates: [120, 30] } }]);
    expect(calls[0].api).toBe('database.aggregateDocuments');
    const stages = calls[0].params.stages as { stageKey: string; stageValue: string }[];
    expect(stages.map((stage) => stage.stageKey)).toEqual(['$geoNear', '$limit']);
    const geoNear = parse(stages[0].stageValue);
    expect(geoNear).toMatchObject({ distanceField: 'distance', spherical: true, key: 'location', maxDistance: 3000, near: { type: 'Point', coordinates: [120, 30] } });
    expect(geoNear.query).toEqual({ status: 'approved', skills: { $in: ['水电维修'] } });
  });

  test('aggregate matches, groups by fields and rounded minutes, sums, and pages the groups sorted by key', async () => {
    const full = Array.from({ length: AGGREGATE_PAGE }, (_, index) => ({ _id: { state: 'rated', minutes: index }, count: 2, points: 10 }));
    const { db, calls } = openWire(() => (calls.length === 1 ? list(full) : list([{ _id: { minutes: null }, count: 1, points: 0 }])));
    const rows = await db.aggregate({
      collection: 'requests',
      match: { communityId: { in: ['c1', 'c2'] }, createdAt: { gte: 1, lt: 9 } },
      groupBy: { state: 'state', minutes: { minutesFrom: 'createdAt', to: 'acceptedAt' } },
      sums: { points: 'amount' },
    });
    expect(rows).toHaveLength(AGGREGATE_PAGE + 1);
    expect(rows[0]).toEqual({ state: 'rated', minutes: 0, count: 2, points: 10 });
    // A key the database left out of the group (a missing field) reads as null.
    expect(rows[AGGREGATE_PAGE]).toEqual({ state: null, minutes: null, count: 1, points: 0 });
    expect(calls.map((c) => c.api)).toEqual(['database.aggregateDocuments', 'database.aggregateDocuments']);
    const stages = calls[1].params.stages as { stageKey: string; stageValue: string }[];
    expect(stages.map((stage) => stage.stageKey)).toEqual(['$match', '$group', '$sort', '$skip', '$limit']);
    expect(parse(stages[0].stageValue)).toEqual({ communityId: { $in: ['c1', 'c2'] }, $and: [{ createdAt: { $gte: 1 } }, { createdAt: { $lt: 9 } }] });
    expect(parse(stages[1].stageValue)).toEqual({
      _id: { state: '$state', minutes: { $floor: { $divide: [{ $add: [{ $subtract: ['$acceptedAt', '$createdAt'] }, 30_000] }, 60_000] } } },
      count: { $sum: 1 },
      points: { $sum: '$amount' },
    });
    expect(parse(stages[3].stageValue)).toBe(AGGREGATE_PAGE);
  });

  test('a refusal from the database becomes an error naming its code, not an empty result', async () => {
    const { db } = openWire(() => ({ code: 'DATABASE_PERMISSION_DENIED', message: 'permission denied' }));
    await expect(db.find('users', {}, { limit: 10 })).rejects.toEqual(new CloudbaseError('DATABASE_PERMISSION_DENIED', 'permission denied'));
    await expect(db.count('users', {})).rejects.toBeInstanceOf(CloudbaseError);
    await expect(db.direct.get('users', 'u1')).rejects.toBeInstanceOf(CloudbaseError);
  });

  describe('what the SDK really sends for writes (pinned, so a change of SDK version shows here)', () => {
    const written = () =>
      openWire(({ api }) => {
        if (api === 'database.startTransaction') return { transactionId: 'tx7', requestId: 'r' };
        if (api === 'database.getDocument' || api === 'database.aggregateDocuments') return list([]);
        return { data: { updated: 1, deleted: 1, upsert_id: null }, updated: 1, deleted: 1, requestId: 'r' };
      });

    test('update: a nested object replaces the stored one whole (a set command, as the twin and SQLite replace a field), empty objects included; arrays, null and geo points go whole', async () => {
      const { db, calls } = written();
      await db.direct.update('deliberations', 'd1', { decision: { text: '同意', project: { id: 'p1' } }, tally: [3, 1], empty: {}, closedAt: null, point: { type: 'Point', coordinates: [120, 30] } });
      expect(calls).toHaveLength(1);
      expect(calls[0].params).toMatchObject({ collectionName: 'p_deliberations', merge: true, upsert: false });
      expect(calls[0].params.transactionId).toBeUndefined();
      const data = parse(calls[0].params.data) as { $set: Record<string, unknown> };
      expect(Object.keys(data)).toEqual(['$set']);
      // Without the set command the SDK would send 'decision.text' and 'decision.project.id' (merging,
      // so a key left out of the new object stayed) and drop `empty` altogether.
      expect(data.$set).toEqual({ decision: { text: '同意', project: { id: 'p1' } }, tally: [3, 1], empty: {}, closedAt: null, point: { type: 'Point', coordinates: [120, 30] } });
      expect(Object.keys(data.$set).some((key) => key.includes('.'))).toBe(false);
    });

    test('set: the whole document as it is, empty objects included, replacing the stored one (merge false, upsert)', async () => {
      const { db, calls } = written();
      await db.direct.set('communities', { _id: 'c1', settings: {}, earningRules: { caps: { daily: 10 } } });
      expect(calls[0].params).toMatchObject({ collectionName: 'p_communities', merge: false, upsert: true });
      expect(parse(calls[0].params.data)).toEqual({ settings: {}, earningRules: { caps: { daily: 10 } } });
    });

    test('inside a transaction every document operation carries its transaction id, and queries made meanwhile carry none', async () => {
      const { db, calls } = written();
      await db.transaction(async (session) => {
        await session.get('accounts', 'a1');
        await session.set('holds', { _id: 'h1', status: 'pending' });
        await session.update('accounts', 'a1', { balance: 3 });
        await session.remove('used_codes', 'u1');
        await db.find('holds', { status: 'pending' }, { limit: 10 });
        await db.count('holds', { status: 'pending' });
        await db.geoNear({ collection: 'members', field: 'homePoint', near: { type: 'Point', coordinates: [120, 30] }, maxDistanceM: 1000, where: {}, limit: 3 });
      });
      expect(calls.map((call) => [call.api, call.params.transactionId])).toEqual([
        ['database.startTransaction', undefined],
        ['database.getDocument', 'tx7'],
        ['database.modifyDocument', 'tx7'],
        ['database.modifyDocument', 'tx7'],
        ['database.removeDocument', 'tx7'],
        ['database.getDocument', undefined],
        ['database.calculateDocument', undefined],
        ['database.aggregateDocuments', undefined],
        ['database.commitTransaction', 'tx7'],
      ]);
      // Document operations address one document by id; queries are WHERE queries on committed data.
      expect(calls.filter((call) => call.params.transactionId && call.api !== 'database.commitTransaction').every((call) => call.params.queryType === 'DOC')).toBe(true);
      expect(calls[5].params.queryType).toBe('WHERE');
      const stages = calls[7].params.stages as { stageKey: string }[];
      expect(stages[0].stageKey).toBe('$geoNear');
    });

    test('outside a transaction nothing carries a transaction id', async () => {
      const { db, calls } = written();
      await db.direct.get('accounts', 'a1');
      await db.direct.update('accounts', 'a1', { balance: 1 });
      await db.direct.remove('accounts', 'a1');
      await db.find('accounts', {}, { limit: 1 });
      expect(calls.map((call) => call.params.transactionId)).toEqual([undefined, undefined, undefined, undefined]);
    });
  });

  describe('transactions', () => {
    function transactionalWire(options: { conflicts: number }) {
      let conflicts = options.conflicts;
      return openWire(({ api, params }) => {
        if (api === 'database.startTransaction') return { transactionId: 'tx1', requestId: 'r' };
        if (api === 'database.getDocument') return list([{ _id: 'a1', balance: 5 }]);
        if (api === 'database.modifyDocument') {
          if (conflicts > 0 && params.transactionId) {
            conflicts--;
            return { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'write conflict' };
          }
          return { data: { updated: 1, upsert_id: null }, requestId: 'r' };
        }
        return { requestId: 'r' };
      });
    }

    test('reads and writes go through the transaction, then it commits and returns the result', async () => {
      const { db, calls } = transactionalWire({ conflicts: 0 });
      const result = await db.transaction(async (session) => {
        const account = await session.get('accounts', 'a1');
        await session.update('accounts', 'a1', { balance: Number(account?.balance) - 2 });
        return 'done';
      });
      expect(result).toBe('done');
      expect(calls.map((call) => call.api)).toEqual(['database.startTransaction', 'database.getDocument', 'database.modifyDocument', 'database.commitTransaction']);
      expect(calls[1].params).toMatchObject({ transactionId: 'tx1', collectionName: 'p_accounts' });
      expect(calls[2].params.transactionId).toBe('tx1');
      expect(parse(calls[2].params.data)).toEqual({ $set: { balance: 3 } });
    });

    test('a write conflict re-runs the whole callback; the second run commits', async () => {
      const { db, calls } = transactionalWire({ conflicts: 1 });
      let runs = 0;
      await db.transaction(async (session) => {
        runs++;
        await session.update('accounts', 'a1', { balance: 4 });
      });
      expect(runs).toBe(2);
      expect(calls.filter((call) => call.api === 'database.commitTransaction')).toHaveLength(1);
    });

    test('a refusal inside rolls back once and reaches the caller unchanged, without re-running', async () => {
      const { db, calls } = transactionalWire({ conflicts: 0 });
      let runs = 0;
      const refusal = new AppError('INSUFFICIENT_POINTS', '积分不足');
      await expect(
        db.transaction(async (session) => {
          runs++;
          await session.get('accounts', 'a1');
          throw refusal;
        }),
      ).rejects.toBe(refusal);
      expect(runs).toBe(1);
      expect(calls.map((call) => call.api)).toEqual(['database.startTransaction', 'database.getDocument', 'database.abortTransaction']);
    });

    test('endless conflicts give up after the retry budget and answer CONFLICT, asking to try again later', async () => {
      const { db, calls } = transactionalWire({ conflicts: 1000 });
      let runs = 0;
      const failure = db
        .transaction(async (session) => {
          runs++;
          await session.update('accounts', 'a1', { balance: 4 });
        })
        .catch((error: unknown) => error);
      const error = await failure;
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('请稍后重试') });
      expect(runs).toBe(CONFLICT_RETRIES + 1);
      // Nothing was committed; the last attempt was rolled back.
      expect(calls.filter((call) => call.api === 'database.commitTransaction')).toEqual([]);
      expect(calls[calls.length - 1].api).toBe('database.abortTransaction');
    });

    test('a commit the database refuses as a conflict, on every try, is CONFLICT too', async () => {
      const { db } = openWire(({ api }) => {
        if (api === 'database.startTransaction') return { transactionId: 'tx9', requestId: 'r' };
        if (api === 'database.commitTransaction') return { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'commit conflict' };
        return { data: { updated: 1, upsert_id: null }, requestId: 'r' };
      });
      await expect(db.transaction(async (session) => session.update('accounts', 'a1', { balance: 1 }))).rejects.toMatchObject({ code: 'CONFLICT' });
    });
  });
});
