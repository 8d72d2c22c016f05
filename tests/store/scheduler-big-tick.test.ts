import { createSubscribeNotifier } from '../../src/server/adapters/cloudbase/wechat/subscribe-notifier';
import type { OutboxRecord, Runtime } from '../../src/server/ports';
import { getRuntime, setRuntime } from '../../src/server/runtime';
import { advanceOfferRounds } from '../../src/server/use-cases/scheduler/advance-offer-rounds';
import { deliverOutbox } from '../../src/server/use-cases/scheduler/deliver-outbox';
import { startTickBudget } from '../../src/server/use-cases/scheduler/tick-budget';
import { createCloudWorld, type CloudWorld } from '../support/cloud-world';
import { RESIDENT, repairRequest, seedDemo } from '../support/fixtures';

const ROUND_TRIP_MS = 25;
const TICK_LIMIT_MS = 15_000;
const TEMPLATES = {
  task: { templateId: 'tpl-task', page: 'pages/tasks/index', fields: { thing1: 'title', thing2: 'body', time3: 'createdAt' } },
  progress: { templateId: 'tpl-progress', page: 'pages/request/mine/index', fields: { thing1: 'title', thing2: 'body', time3: 'createdAt' } },
  notice: { templateId: 'tpl-notice', page: 'pages/inbox/index', fields: { thing1: 'title', thing2: 'body', time3: 'createdAt' } },
};

/**
 * A busy minute on CloudBase: 100 offer rounds ran out and 1,000 messages are due. The tick must fit
 * the 20 s function timeout with room to spare (modeled at 25 ms a round trip: calls issued together
 * share one), push every message once through the production subscribe notifier, and when its time
 * budget runs out leave the rest, untouched, to the next tick.
 */
describe('a scheduler tick with 1,000 due messages and 100 due offer rounds', () => {
  let world: CloudWorld;
  let sent: string[];
  let runtime: Runtime;

  async function enqueueMessages(count: number, prefix: string): Promise<string[]> {
    const base = getRuntime();
    const residents = (await base.store.read((tx) => tx.users.listByRole('c_demo', 'resident'))).slice(0, 20);
    const now = world.local.clock.now();
    const ids = Array.from({ length: count }, (_, index) => `${prefix}_${String(index).padStart(4, '0')}`);
    await base.store.transaction(async (tx) => {
      for (const person of residents) await tx.subscriptions.grant(person.id, ['progress', 'task', 'notice'], now);
    });
    for (let start = 0; start < ids.length; start += 100) {
      await base.store.transaction(async (tx) => {
        for (const [offset, id] of ids.slice(start, start + 100).entries()) {
          const person = residents[(start + offset) % residents.length];
          await tx.outbox.enqueue({ id, userId: person.id, kind: 'request_progress', title: '进度', body: '已接单', requestId: null, createdAt: now, readAt: null, deliveredAt: null, channel: null });
        }
      });
    }
    return ids;
  }

  beforeAll(async () => {
    world = await createCloudWorld((w) => seedDemo(w), ['c_demo', 'c_demo_2']);
    // The demo's own due work first, so the tick measured below is the busy minute alone.
    await world.measureTick();
    for (let index = 0; index < 100; index++) {
      await world.ok('requests', 'submit', { ...repairRequest(), clientToken: `big-tick-${String(index).padStart(3, '0')}`, description: `楼道第 ${index} 盏灯不亮了，晚上看不见路` }, RESIDENT);
    }
    // The offers lapse; the offer notices go out on the next tick too.
    world.local.clock.advanceMinutes(40);
    await world.measureTick();
    world.local.clock.advanceMinutes(1);
    sent = [];
    const base = getRuntime();
    const notifier = createSubscribeNotifier({
      cloud: { openapi: { subscribeMessage: { send: async (params: { touser: string }) => (sent.push(params.touser), {}), getTemplateList: async () => ({ data: [] }) }, wxacode: { getUnlimited: async () => ({ buffer: Buffer.alloc(0) }) }, security: { msgSecCheck: async () => ({ errCode: 0 }) } } } as never,
      store: base.store,
      clock: base.clock,
      log: () => undefined,
      miniprogramState: () => 'formal',
      templates: TEMPLATES,
    });
    runtime = { ...base, notifier };
    setRuntime(runtime);
  });
  afterAll(() => world.close());

  test('it finishes well inside the function timeout and does all of it', async () => {
    const ids = await enqueueMessages(1000, 'big');
    // Make 100 rounds due at once: the lapsed rounds of the submits above.
    const due = await runtime.store.read((tx) => tx.requests.listRoundsDue(world.local.clock.now() + 60 * 60_000, 200));
    expect(due.length).toBeGreaterThanOrEqual(100);
    world.local.clock.advanceMinutes(60);

    const { envelope, figures } = await world.measureTick();
    expect(envelope).toMatchObject({ ok: true });
    const report = (envelope as { data: { rounds: { advanced: number }; outbox: { delivered: number } } }).data;
    expect(report.rounds.advanced).toBeGreaterThanOrEqual(100);
    expect(report.outbox.delivered).toBe(1000);
    expect(figures.sequential * ROUND_TRIP_MS).toBeLessThan(TICK_LIMIT_MS);
    const undelivered = new Set((await runtime.store.read((tx) => tx.outbox.listUndelivered(2000))).map((message) => message.id));
    expect(ids.filter((id) => undelivered.has(id))).toEqual([]);
  });

  test('when its time runs out it stops starting work; the next tick does the rest, nothing twice', async () => {
    // What the last tick left due (the notices of the rounds it advanced) goes first, so only these 300 are due.
    await deliverOutbox(runtime);
    const ids = await enqueueMessages(300, 'budget');
    const pushed: OutboxRecord[] = [];
    const counting: Runtime = { ...runtime, notifier: { deliver: async (message) => (pushed.push(message), runtime.notifier.deliver(message)) } };
    let checks = 0;
    // A stopwatch that reads "out of time" after 100 starts, as a slow minute would.
    const first = await deliverOutbox(counting, startTickBudget(100, () => checks++));
    expect(first.delivered).toBeGreaterThan(0);
    expect(first.delivered).toBeLessThan(300);
    const left = (await runtime.store.read((tx) => tx.outbox.listUndelivered(2000))).filter((message) => ids.includes(message.id));
    expect(left.length).toBe(300 - first.delivered);

    const second = await deliverOutbox(counting);
    expect(first.delivered + second.delivered).toBe(300);
    const times = new Map<string, number>();
    for (const message of pushed) times.set(message.id, (times.get(message.id) ?? 0) + 1);
    expect(ids.every((id) => times.get(id) === 1)).toBe(true);
    // Rounds with nothing due cost their one query.
    expect(await advanceOfferRounds(counting, startTickBudget(0))).toEqual({ advanced: 0 });
  });
});
