import { createTestWorld, fingerprint, type TestWorld } from '../support/test-runtime';
import { ADMIN, LINKED_MEMBER, RESIDENT, seedDemo } from '../support/fixtures';

/**
 * community.grantSubscriptions: after WeChat's subscribe prompt the mini-program reports which
 * templates the user accepted; each accepted template allows one more push message.
 */

let world: TestWorld;
beforeEach(() => {
  world = createTestWorld();
  seedDemo(world);
});
afterEach(() => world.close());

async function remaining(openid: string, key: string): Promise<number> {
  return world.local.store.read(async (tx) => {
    const user = await tx.users.getByOpenid(openid);
    if (!user) throw new Error(`no user ${openid}`);
    return tx.subscriptions.count(user.id, key);
  });
}

test('each accepted template adds one authorisation for the caller only', async () => {
  expect(await world.ok('community', 'grantSubscriptions', { templateKeys: ['task', 'notice'] }, LINKED_MEMBER)).toEqual({ granted: 2 });
  expect(await remaining(LINKED_MEMBER, 'task')).toBe(1);
  expect(await remaining(LINKED_MEMBER, 'notice')).toBe(1);
  expect(await remaining(LINKED_MEMBER, 'progress')).toBe(0);

  // Every accepted prompt counts: one more message each time.
  expect(await world.ok('community', 'grantSubscriptions', { templateKeys: ['task'] }, LINKED_MEMBER)).toEqual({ granted: 1 });
  expect(await remaining(LINKED_MEMBER, 'task')).toBe(2);

  expect(await world.ok('community', 'grantSubscriptions', { templateKeys: ['progress', 'notice', 'task'] }, RESIDENT)).toEqual({ granted: 3 });
  expect(await remaining(RESIDENT, 'progress')).toBe(1);
  expect(await remaining(LINKED_MEMBER, 'progress')).toBe(0);
  expect(await remaining(ADMIN, 'task')).toBe(0);
});

test.each([
  ['no template', { templateKeys: [] }, /请至少允许一种订阅消息/],
  ['a template twice', { templateKeys: ['task', 'task'] }, /不能重复/],
  ['an unknown template', { templateKeys: ['marketing'] }, /不支持的订阅消息类型/],
  ['more templates than there are', { templateKeys: ['task', 'progress', 'notice', 'task'] }, /一次最多 3 种订阅消息/],
  ['no list', {}, /请告知允许了哪些订阅消息/],
  ['a list given as text', { templateKeys: 'task' }, /请告知允许了哪些订阅消息/],
  ['a user id smuggled in', { templateKeys: ['task'], userId: 'u_demo_admin' }, /[\u4e00-\u9fa5]/],
])('refuses %s with a Chinese message and writes nothing', async (_label, data, message) => {
  const before = fingerprint(world);
  const result = await world.call('community', 'grantSubscriptions', data, RESIDENT);
  expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  if (!result.ok) {
    expect(result.error.message).toMatch(message);
    expect(result.error.issues?.[0]?.path[0]).toBe(Object.keys(data).includes('userId') ? undefined : 'templateKeys');
  }
  expect(fingerprint(world)).toBe(before);
});

test('only a signed-in member of a community may grant', async () => {
  const before = fingerprint(world);
  expect(await world.call('community', 'grantSubscriptions', { templateKeys: ['task'] }, undefined)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  expect(await world.call('community', 'grantSubscriptions', { templateKeys: ['task'] }, 'o-stranger-not-joined')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  expect(fingerprint(world)).toBe(before);
});
