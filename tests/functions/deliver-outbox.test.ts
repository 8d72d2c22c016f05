import type { OutboxRecord, Runtime, Store } from '../../src/server/ports';
import { deliverOutbox } from '../../src/server/use-cases/scheduler/deliver-outbox';
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
      transaction: (work) =>
        base.store.transaction((tx) =>
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
