import { createSubscribeNotifier } from '../../src/server/adapters/cloudbase/wechat/subscribe-notifier';
import type { Runtime } from '../../src/server/ports';
import { getRuntime, setRuntime } from '../../src/server/runtime';
import { createCloudWorld, type CloudWorld } from './cloud-world';
import { RESIDENT, repairRequest, seedDemo } from './fixtures';

const TEMPLATES = {
  task: { templateId: 'tpl-task', page: 'pages/tasks/index', fields: { thing1: 'title', thing2: 'body', time3: 'createdAt' } },
  progress: { templateId: 'tpl-progress', page: 'pages/request/mine/index', fields: { thing1: 'title', thing2: 'body', time3: 'createdAt' } },
  notice: { templateId: 'tpl-notice', page: 'pages/inbox/index', fields: { thing1: 'title', thing2: 'body', time3: 'createdAt' } },
};

export const BUSY_MINUTE = { rounds: 100, messages: 1000 } as const;

export interface BusyMinute {
  world: CloudWorld;
  /** The production runtime's notifier over a fake WeChat: every push it made, by openid. */
  runtime: Runtime;
  sent: string[];
  /** Puts `count` due progress messages for twenty residents, who granted a push for each, in the outbox; returns their ids. */
  enqueueMessages(count: number, prefix: string): Promise<string[]>;
  /** Moves the clock past the offer rounds' deadline: they and the messages are due at the next tick. */
  makeRoundsDue(): void;
}

/**
 * The demo community on the counted twin with 100 requests whose offers are about to run out, and the
 * production subscribe notifier over a fake WeChat: a busy minute for the scheduler.
 */
export async function prepareBusyMinute(): Promise<BusyMinute> {
  const world = await createCloudWorld((w) => seedDemo(w), ['c_demo', 'c_demo_2']);
  // The demo's own due work first, so a tick measured later is the busy minute alone.
  await world.measureTick();
  for (let index = 0; index < BUSY_MINUTE.rounds; index++) {
    await world.ok('requests', 'submit', { ...repairRequest(), clientToken: `big-tick-${String(index).padStart(3, '0')}`, description: `楼道第 ${index} 盏灯不亮了，晚上看不见路` }, RESIDENT);
  }
  // The first offers lapse; their notices go out on this tick, and the next round's run out an hour later.
  world.local.clock.advanceMinutes(40);
  await world.measureTick();
  world.local.clock.advanceMinutes(1);
  const sent: string[] = [];
  const base = getRuntime();
  const notifier = createSubscribeNotifier({
    cloud: {
      openapi: {
        subscribeMessage: { send: async (params: { touser: string }) => (sent.push(params.touser), {}), getTemplateList: async () => ({ data: [] }) },
        wxacode: { getUnlimited: async () => ({ buffer: Buffer.alloc(0) }) },
        security: { msgSecCheck: async () => ({ errCode: 0 }) },
      },
    } as never,
    store: base.store,
    clock: base.clock,
    log: () => undefined,
    miniprogramState: () => 'formal',
    templates: TEMPLATES,
  });
  const runtime: Runtime = { ...base, notifier };
  setRuntime(runtime);

  return {
    world,
    runtime,
    sent,
    async enqueueMessages(count, prefix) {
      const residents = (await runtime.store.read((tx) => tx.users.listByRole('c_demo', 'resident'))).slice(0, 20);
      const now = world.local.clock.now();
      const ids = Array.from({ length: count }, (_, index) => `${prefix}_${String(index).padStart(4, '0')}`);
      // One authorisation per message: each resident ticked 允许 as often as they have messages coming.
      for (let grants = 0; grants < Math.ceil(count / residents.length); grants++) {
        await runtime.store.transaction(async (tx) => {
          for (const person of residents) await tx.subscriptions.grant(person.id, ['progress'], now);
        });
      }
      for (let start = 0; start < ids.length; start += 100) {
        await runtime.store.transaction(async (tx) => {
          for (const [offset, id] of ids.slice(start, start + 100).entries()) {
            const person = residents[(start + offset) % residents.length];
            await tx.outbox.enqueue({ id, userId: person.id, kind: 'request_progress', title: '进度', body: '已接单', requestId: null, createdAt: now, readAt: null, deliveredAt: null, channel: null });
          }
        });
      }
      return ids;
    },
    makeRoundsDue() {
      world.local.clock.advanceMinutes(60);
    },
  };
}
