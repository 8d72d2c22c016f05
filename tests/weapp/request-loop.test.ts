import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MiniProgram } from '../support/weapp/mini-program';
import { createWeappWorld, type WeappWorld } from '../support/weapp/weapp-world';

jest.setTimeout(60_000);

let world: WeappWorld;
beforeEach(() => {
  world = createWeappWorld();
});
afterEach(() => world.close());

/** A photo on the phone, as chooseImage hands its temp path over. */
function phonePhoto(name: string): string {
  const path = join(world.functions.dataDir, `${name}.jpg`);
  writeFileSync(path, Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
  return path;
}

test('in WeChat a resident asks for help: the privacy guide comes before the first location, then the request goes out', async () => {
  const resident = await world.launch('demo-resident-1', 'pages/request/new/index');
  await resident.waitForText('1. 需要哪方面的帮助？');
  resident.tap('category-repair');
  resident.type('description', '厨房水管漏水，地上全是水');

  resident.tap('use-location');
  await resident.waitForText('用户隐私保护提示');
  expect(resident.record.privacy.held).toEqual(['getLocation']);
  resident.tap('privacy-agree');
  await resident.waitFor(() => resident.find('location-note')?.dom?.textContent === '已使用当前位置', 'the location in use');
  expect(resident.text()).not.toContain('用户隐私保护提示');

  resident.tap('submit-request');
  await resident.waitFor(() => resident.current().route === 'pages/request/detail/index', 'the request page');
  await resident.waitForText('厨房水管漏水');
  await resident.settle();
  expect(resident.functionCalls()).toEqual(expect.arrayContaining(['requests.submit', 'community.recordConsent']));
  expect((await world.functions.ok('community', 'getMyData', {}, 'demo-resident-1')).consents.map((consent) => consent.kind)).toEqual(['location']);
  expect(resident.errors).toEqual([]);
  expect(resident.failedCalls).toEqual([]);
});

test('refusing the privacy guide keeps the registered address and the form still works', async () => {
  const resident = await world.launch('demo-resident-1', 'pages/request/new/index');
  await resident.waitForText('1. 需要哪方面的帮助？');
  resident.tap('use-location');
  await resident.waitForText('用户隐私保护提示');
  resident.tap('privacy-refuse');
  await resident.waitForText('仍使用登记的住址位置');
  expect(resident.record.privacy.refused).toEqual(['getLocation']);
  expect(resident.errors).toEqual([]);
});

test('a member takes the task and completes it with a photo; the resident rates it', async () => {
  const request = await world.functions.ok('requests', 'submit', { clientToken: 'weapp-loop-0001', category: 'repair', description: '卫生间下水道堵了', address: '幸福里小区 3 栋 2 单元 401', location: { lat: 30.6594, lng: 104.0668 }, urgency: 'normal', photos: [] }, 'demo-resident-1');
  const member = await world.launch('demo-member-1', `pages/request/detail/index?id=${request.id}`);
  await member.waitForText('卫生间下水道堵了');
  member.tap('accept-task');
  await member.waitFor(() => member.find('completion-input'), 'the completion form', 10_000);
  member.type('completion-input', '疏通了下水道，已经通畅');
  member.script.photos.push(phonePhoto('done-1'));
  member.tap('add-completion-photo');
  // Photos are private too: the first pick waits for the guide, as the first location did.
  await member.waitForText('用户隐私保护提示');
  member.tap('privacy-agree');
  await member.waitForText('已添加 1 张照片');
  member.tap('complete-task');
  await member.waitFor(() => member.find('submit-rating') === null && member.functionCalls().includes('requests.complete'), 'the completion', 10_000);
  await member.settle();
  expect(member.errors).toEqual([]);
  expect(member.failedCalls).toEqual([]);

  const resident = await world.launch('demo-resident-1', `pages/request/detail/index?id=${request.id}`);
  await resident.waitForText('疏通了下水道');
  resident.tap('star-5');
  await resident.waitFor(() => resident.find('star-5')?.dom?.className.includes('on'), 'five stars lit');
  resident.tap('submit-rating');
  await resident.waitForText('感谢您的评价！', 10_000);
  const rated = await world.functions.ok('requests', 'get', { requestId: request.id }, 'demo-resident-1');
  expect(rated).toMatchObject({ state: 'rated', rating: { stars: 5 } });
  expect(rated.completionPhotoUrls).toHaveLength(1);
  expect(resident.failedCalls).toEqual([]);
  expect(resident.errors).toEqual([]);
});

/** Whether the subscribe prompt came before the app sent this action. */
function askedBefore(app: MiniProgram, action: string): boolean {
  const order = app.record.calls.map((call) => (call.api === 'cloud.callFunction' ? `${String((call.args as { name: string }).name)}.${String((call.args as { data: { action: string } }).data.action)}` : call.api));
  const prompt = order.indexOf('requestSubscribeMessage');
  return prompt >= 0 && prompt < order.indexOf(action);
}

/** As a community configures them (config/subscribe-templates.json). */
const TEMPLATES = { task: 'tmpl-task-0001', progress: 'tmpl-progress-0001', notice: 'tmpl-notice-0001' };

test('subscribe prompts come at the tap: the resident allows progress messages on submitting, the member task messages on accepting', async () => {
  const resident = await world.launch('demo-resident-1', 'pages/request/new/index', { subscribeTemplateIds: TEMPLATES });
  await resident.waitForText('1. 需要哪方面的帮助？');
  resident.tap('category-repair');
  resident.type('description', '楼道灯坏了');
  resident.record.privacy.agreed = true;
  resident.tap('use-location');
  await resident.waitFor(() => resident.find('location-note')?.dom?.textContent === '已使用当前位置', 'the location in use');
  await resident.settle();
  resident.script.subscribeAnswers.push([TEMPLATES.progress]);
  resident.tap('submit-request');
  await resident.waitFor(() => resident.current().route === 'pages/request/detail/index', 'the request page');
  // Asked inside the tap, before anything was sent: WeChat refuses a prompt once the tap's handling has awaited a call.
  expect(resident.record.subscribePrompts).toEqual([[TEMPLATES.progress, TEMPLATES.notice]]);
  expect(askedBefore(resident, 'requests.submit')).toBe(true);
  await resident.settle();
  expect(resident.functionCalls()).toContain('community.grantSubscriptions');
  expect(await world.functions.local.runtime.store.read((tx) => tx.subscriptions.count('u_demo_resident_1', 'progress'))).toBe(1);
  expect(await world.functions.local.runtime.store.read((tx) => tx.subscriptions.count('u_demo_resident_1', 'notice'))).toBe(0);

  const requestId = resident.current().query.id;
  const member = await world.launch('demo-member-1', `pages/request/detail/index?id=${requestId}`, { subscribeTemplateIds: TEMPLATES });
  await member.waitFor(() => member.find('accept-task'), 'the accept button');
  member.script.subscribeAnswers.push([]);
  member.tap('accept-task');
  await member.waitFor(() => member.find('completion-input'), 'the completion form', 10_000);
  expect(member.record.subscribePrompts).toEqual([[TEMPLATES.task, TEMPLATES.notice]]);
  expect(askedBefore(member, 'requests.accept')).toBe(true);
  await member.settle();
  // Both rejected: nothing counted, and the accept went through all the same.
  expect(member.functionCalls()).not.toContain('community.grantSubscriptions');
  expect(member.failedCalls).toEqual([]);
});
