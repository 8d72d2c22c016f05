import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCloudbaseStore } from '../../src/server/adapters/cloudbase/cloudbase-store';
import { PUSH_SETUP_ERRORS, pushSetupError } from '../../src/server/adapters/cloudbase/wechat/subscribe-notifier';
import { openSqliteStore } from '../../src/server/adapters/sqlite/sqlite-store';
import type { OutboxRecord, PushSetupProblem, Runtime, Store } from '../../src/server/ports';
import { alarmId, deliverOutbox, PUSH_ALARM_KIND, retryAt } from '../../src/server/use-cases/scheduler/deliver-outbox';
import { templateKeyForKind } from '../../src/shared/domain/subscribe-templates';
import { MemoryDocDb } from '../support/memory-doc-db';
import { seedCommunities, T0 } from '../store/fixtures';
import { RESIDENT, seedDemo } from '../support/fixtures';
import { createTestWorld, type TestWorld } from '../support/test-runtime';

/** The scheduler's push step with a recording notifier, and a store whose first `markDelivered` calls fail. */
describe('deliverOutbox', () => {
  let world: TestWorld;
  beforeEach(() => {
    world = createTestWorld();
    seedDemo(world);
  });
  afterEach(() => world.close());

  function seedMessages(count: number): string[] {
    const ids = Array.from({ length: count }, (_, index) => `ob_test_${index}`);
    const user = world.local.store.db.prepare(`SELECT id FROM users WHERE openid = ?`).get(RESIDENT) as { id: string };
    const insert = world.local.store.db.prepare(
      `INSERT INTO outbox (id, user_id, kind, title, body, request_id, created_at, read_at, delivered_at, channel) VALUES (?, ?, 'request_progress', '进度', '已接单', NULL, ?, NULL, NULL, NULL)`,
    );
    for (const id of ids) insert.run(id, user.id, world.clock.now());
    return ids;
  }

  function runtimeWith(failMarks: number, pushes: OutboxRecord[]): Runtime {
    const base = world.local.runtime;
    let failuresLeft = failMarks;
    const store: Store = {
      read: (work) => base.store.read(work),
      transaction: (work) => base.store.transaction(work),
      standalone: (work) =>
        base.store.standalone((tx) =>
          work({
            ...tx,
            outbox: {
              ...tx.outbox,
              async markDelivered(id, channel, at) {
                if (failuresLeft > 0) {
                  failuresLeft--;
                  throw new Error('database busy');
                }
                return tx.outbox.markDelivered(id, channel, at);
              },
            },
          }),
        ),
    };
    return { ...base, store, log: () => undefined, notifier: { deliver: async (message) => (pushes.push(message), 'subscribe') } };
  }

  const undelivered = () => (world.local.store.db.prepare(`SELECT id FROM outbox WHERE id LIKE 'ob_test_%' AND delivered_at IS NULL`).all() as { id: string }[]).length;

  test('a push WeChat took is recorded even when recording fails twice, so the next run sends nothing again', async () => {
    seedMessages(3);
    const pushes: OutboxRecord[] = [];
    const runtime = runtimeWith(2, pushes);
    expect(await deliverOutbox(runtime)).toMatchObject({ failed: 0 });
    expect(pushes.filter((message) => message.id.startsWith('ob_test_'))).toHaveLength(3);
    expect(undelivered()).toBe(0);

    const again: OutboxRecord[] = [];
    await deliverOutbox(runtimeWith(0, again));
    expect(again.filter((message) => message.id.startsWith('ob_test_'))).toEqual([]);
  });

  test('when recording keeps failing the run reports it and the message stays undelivered', async () => {
    seedMessages(1);
    const pushes: OutboxRecord[] = [];
    const logs: string[] = [];
    const runtime = { ...runtimeWith(1_000, pushes), log: (_level: string, message: string) => void logs.push(message) };
    const result = await deliverOutbox(runtime);
    expect(result.delivered).toBe(0);
    expect(result.failed).toBeGreaterThanOrEqual(1);
    expect(undelivered()).toBe(1);
    expect(logs.some((line) => line.includes('ob_test_0') && line.includes('could not be recorded'))).toBe(true);
  });
});

/**
 * The back-off and the admins' alarm, through the real repositories of both stores (SQLite and the
 * CloudBase store on its in-memory twin). Only the notifier is scripted: it stands for WeChat.
 */
describe.each([
  ['SQLite', () => {
    const dir = mkdtempSync(join(tmpdir(), 'daiban-outbox-'));
    const store = openSqliteStore(join(dir, 'store.sqlite'));
    return { store: store as Store, close: () => (store.close(), rmSync(dir, { recursive: true, force: true })) };
  }],
  ['CloudBase (in-memory twin)', () => ({ store: createCloudbaseStore(new MemoryDocDb()) as Store, close: () => undefined })],
] as const)('deliverOutbox back-off and alarms — %s', (_name, open) => {
  let opened: { store: Store; close: () => void };
  let now: number;
  let outcome: (message: OutboxRecord) => string | Error;
  let attempts: string[];
  let logs: string[];

  beforeEach(async () => {
    opened = open();
    await seedCommunities(opened.store);
    now = T0;
    attempts = [];
    logs = [];
    outcome = () => 'subscribe';
  });
  afterEach(() => opened.close());

  const runtime = (): Runtime => ({
    store: opened.store,
    clock: { now: () => now },
    notifier: {
      async deliver(message) {
        attempts.push(message.id);
        const result = outcome(message);
        if (result instanceof Error) throw result;
        return result;
      },
    },
    contentCheck: { check: async () => 'pass' },
    files: { exists: async () => false, urlFor: () => '', saveExport: async () => ({ url: '', expiresAt: 0 }), remove: async () => undefined },
    qrCodes: { imageUrl: async () => '', pageUrl: () => '' },
    signingKey: 'k'.repeat(32),
    identify: async () => null,
    isTimerEvent: () => true,
    log: (_level, message) => void logs.push(message),
  });

  async function enqueue(count: number, userId = 'resident1', at = now): Promise<string[]> {
    const ids = Array.from({ length: count }, (_, index) => `n_${userId}_${at}_${String(index).padStart(3, '0')}`);
    await opened.store.transaction(async (tx) => {
      for (const id of ids) await tx.outbox.enqueue({ id, userId, kind: 'request_accepted', title: '已接单', body: '楼道灯', requestId: null, createdAt: at, readAt: null, deliveredAt: null, channel: null });
    });
    return ids;
  }
  const undelivered = async () => (await opened.store.read((tx) => tx.outbox.listUndelivered(1000))).map((message) => message.id);
  const inboxOf = async (userId: string) => (await opened.store.read((tx) => tx.outbox.listForUser(userId, { limit: 50 }))).items;
  const permissionError = () => pushSetupError(PUSH_SETUP_ERRORS.get(-604101) as PushSetupProblem, 'errCode: -604101 | errMsg: function has no permission to call this API');

  test('a message that keeps failing is deferred, so it never fills the batch: 100 stuck messages, the new one still goes out', async () => {
    const stuck = await enqueue(100, 'resident1', now - 5 * 60_000);
    outcome = (message) => (stuck.includes(message.id) ? new Error('network down') : 'subscribe');
    expect(await deliverOutbox(runtime())).toMatchObject({ delivered: 0, failed: 100, deferred: 100 });

    const [fresh] = await enqueue(1, 'resident2');
    now += 60_000;
    attempts = [];
    expect(await deliverOutbox(runtime())).toMatchObject({ delivered: 1, failed: 0 });
    // The stuck ones were 5 minutes old, so they wait 5 minutes: not tried again a minute later.
    expect(attempts).toEqual([fresh]);
  });

  test('the wait doubles with the message age between its bounds, and after a day the message stays in the inbox only', async () => {
    const [id] = await enqueue(1);
    outcome = () => new Error('system busy');
    const tries: number[] = [];
    for (let minute = 0; minute <= 26 * 60; minute++) {
      now = T0 + minute * 60_000;
      attempts = [];
      await deliverOutbox(runtime());
      if (attempts.length > 0) tries.push(minute);
    }
    // 0, 1, 2, 4, 8, … minutes, then hourly (the passing-failure ceiling) until the day is over.
    expect(tries.slice(0, 7)).toEqual([0, 1, 2, 4, 8, 16, 32]);
    expect(tries.slice(7, 9)).toEqual([64, 124]);
    expect(tries.length).toBeLessThan(40);
    expect(await undelivered()).toEqual([]);
    expect((await inboxOf('resident1')).find((message) => message.id === id)).toMatchObject({ channel: 'inbox' });
    expect(logs.some((line) => line.includes(id) && line.includes('left in the inbox'))).toBe(true);
    expect(retryAt({ createdAt: 0 } as OutboxRecord, 10 * 3_600_000, true)).toBe(16 * 3_600_000);
  });

  test('-604101: one WeChat call, the rest of the batch deferred without calling, the admins told once a day', async () => {
    const ids = await enqueue(30);
    // As the subscribe notifier does: a kind without a template (the alarm's) goes to the inbox without calling WeChat.
    outcome = (message) => (message.kind === PUSH_ALARM_KIND ? 'inbox' : permissionError());
    const first = await deliverOutbox(runtime());
    expect(attempts).toHaveLength(1);
    expect(first).toMatchObject({ delivered: 0, failed: 30, deferred: 30, alarms: 1 });
    expect(logs.some((line) => line.includes('-604101') && line.includes('npm run deploy -- scheduler'))).toBe(true);

    const alarms = (await inboxOf('admin1')).filter((message) => message.kind === PUSH_ALARM_KIND);
    expect(alarms).toHaveLength(1);
    expect(alarms[0].title).toContain('云调用权限');
    expect(alarms[0].body).toContain('npm run deploy -- scheduler');
    // Nobody in the other community hears of it.
    expect(await inboxOf('resident9')).toEqual([]);

    // A minute later nothing is due: no WeChat call at all (only the alarm itself goes to the inbox).
    now += 60_000;
    attempts = [];
    await deliverOutbox(runtime());
    expect(attempts.filter((id) => ids.includes(id))).toEqual([]);

    // Half an hour later they are due again; still broken: one call, no second alarm the same day.
    now += 30 * 60_000;
    attempts = [];
    expect(await deliverOutbox(runtime())).toMatchObject({ alarms: 0 });
    expect(attempts.filter((id) => ids.includes(id))).toHaveLength(1);
    expect((await inboxOf('admin1')).filter((message) => message.kind === PUSH_ALARM_KIND)).toHaveLength(1);

    // Fixed (redeployed): the next due run pushes them all.
    outcome = () => 'subscribe';
    now += 6 * 3_600_000;
    const fixed = await deliverOutbox(runtime());
    expect(fixed.delivered).toBe(30);
    expect(await undelivered()).toEqual([]);
  });

  test('the alarm is never itself pushed (no template maps its kind), and a new China day brings one more reminder', async () => {
    expect(templateKeyForKind(PUSH_ALARM_KIND)).toBeNull();
    await enqueue(1);
    outcome = (message) => (message.kind === PUSH_ALARM_KIND ? 'inbox' : permissionError());
    await deliverOutbox(runtime());
    now += 25 * 3_600_000 - 60_000;
    await enqueue(1, 'resident2');
    await deliverOutbox(runtime());
    const alarms = (await inboxOf('admin1')).filter((message) => message.kind === PUSH_ALARM_KIND);
    expect(alarms).toHaveLength(2);
    expect(new Set(alarms.map((alarm) => alarm.id)).size).toBe(2);
    expect(alarms.map((alarm) => alarmId('admin1', PUSH_SETUP_ERRORS.get(-604101) as PushSetupProblem, alarm.createdAt))).toEqual(alarms.map((alarm) => alarm.id));
  });

  test('listUndelivered with a time lists only what is due, by when it became due; without one, everything undelivered', async () => {
    const [a, b, c] = await enqueue(3);
    await opened.store.transaction((tx) => tx.outbox.deferDelivery(a, now + 10 * 60_000));
    await opened.store.transaction((tx) => tx.outbox.deferDelivery('missing', now));
    expect((await opened.store.read((tx) => tx.outbox.listUndelivered(10, now))).map((message) => message.id)).toEqual([b, c]);
    expect((await opened.store.read((tx) => tx.outbox.listUndelivered(10, now + 10 * 60_000))).map((message) => message.id)).toEqual([b, c, a]);
    expect(await undelivered()).toEqual([a, b, c]);
    await opened.store.transaction((tx) => tx.outbox.markDelivered(b, 'subscribe', now));
    await opened.store.transaction((tx) => tx.outbox.deferDelivery(b, now + 99));
    expect((await opened.store.read((tx) => tx.outbox.listUndelivered(10, now + 10 * 60_000))).map((message) => message.id)).toEqual([c, a]);
  });
});
