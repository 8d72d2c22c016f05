import type { OutboxRecord, Runtime } from '../../src/server/ports';
import { advanceOfferRounds } from '../../src/server/use-cases/scheduler/advance-offer-rounds';
import { deliverOutbox } from '../../src/server/use-cases/scheduler/deliver-outbox';
import { startTickBudget } from '../../src/server/use-cases/scheduler/tick-budget';
import { prepareBusyMinute, type BusyMinute } from '../support/busy-minute';

const ROUND_TRIP_MS = 25;
const TICK_LIMIT_MS = 15_000;

/**
 * A busy minute on CloudBase: 100 offer rounds ran out and 1,000 messages are due. The tick must fit
 * the 20 s function timeout with room to spare (modeled at 25 ms a round trip: calls issued together
 * share one), push every message once through the production subscribe notifier, and when its time
 * budget runs out leave the rest, untouched, to the next tick.
 */
describe('a scheduler tick with 1,000 due messages and 100 due offer rounds', () => {
  let minute: BusyMinute;
  beforeAll(async () => {
    minute = await prepareBusyMinute();
  });
  afterAll(() => minute.world.close());

  test('it finishes well inside the function timeout and does all of it', async () => {
    const ids = await minute.enqueueMessages(1000, 'big');
    // Make 100 rounds due at once: the lapsed rounds of the submits above.
    const due = await minute.runtime.store.read((tx) => tx.requests.listRoundsDue(minute.world.local.clock.now() + 60 * 60_000, 200));
    expect(due.length).toBeGreaterThanOrEqual(100);
    minute.makeRoundsDue();

    const { envelope, figures } = await minute.world.measureTick();
    expect(envelope).toMatchObject({ ok: true });
    const report = (envelope as { data: { rounds: { advanced: number }; outbox: { delivered: number } } }).data;
    expect(report.rounds.advanced).toBeGreaterThanOrEqual(100);
    expect(report.outbox.delivered).toBe(1000);
    // Each went to WeChat as a subscribe message (the residents granted them), not just to the inbox.
    expect(minute.sent.length).toBeGreaterThanOrEqual(1000);
    expect(figures.sequential * ROUND_TRIP_MS).toBeLessThan(TICK_LIMIT_MS);
    const undelivered = new Set((await minute.runtime.store.read((tx) => tx.outbox.listUndelivered(2000))).map((message) => message.id));
    expect(ids.filter((id) => undelivered.has(id))).toEqual([]);
  });

  test('when its time runs out it stops starting work; the next tick does the rest, nothing twice', async () => {
    // What the last tick left due (the notices of the rounds it advanced) goes first, so only these 300 are due.
    await deliverOutbox(minute.runtime);
    const ids = await minute.enqueueMessages(300, 'budget');
    const pushed: OutboxRecord[] = [];
    const counting: Runtime = { ...minute.runtime, notifier: { deliver: async (message) => (pushed.push(message), minute.runtime.notifier.deliver(message)) } };
    let checks = 0;
    // A stopwatch that reads "out of time" after 100 starts, as a slow minute would.
    const first = await deliverOutbox(counting, startTickBudget(100, () => checks++));
    expect(first.delivered).toBeGreaterThan(0);
    expect(first.delivered).toBeLessThan(300);
    const left = (await minute.runtime.store.read((tx) => tx.outbox.listUndelivered(2000))).filter((message) => ids.includes(message.id));
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
