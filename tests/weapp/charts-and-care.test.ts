import { createWeappWorld, type WeappWorld } from '../support/weapp/weapp-world';
import { repairRequest } from '../support/fixtures';

jest.setTimeout(60_000);

let world: WeappWorld;
beforeEach(() => {
  world = createWeappWorld();
});
afterEach(() => world.close());

test('统计分析 draws its charts on WeChat’s canvas 2D nodes, found by a selector query', async () => {
  await world.functions.ok('requests', 'submit', repairRequest(), 'demo-resident-1');
  const admin = await world.launch('demo-admin', 'pages/admin/stats/index');
  await admin.waitFor(() => admin.find('chart-trend-summary'), 'the trend chart');
  await admin.waitFor(() => admin.record.canvases.filter((canvas) => canvas.operations.length > 0).length >= 3, 'charts drawn', 10_000);
  const drawn = admin.record.canvases.filter((canvas) => canvas.operations.length > 0);
  // Bars and lines are filled and stroked, and the labels are written onto the canvas.
  expect(drawn.flatMap((canvas) => canvas.operations)).toEqual(expect.arrayContaining(['fillRect', 'stroke', 'fillText']));
  expect(drawn.flatMap((canvas) => canvas.texts).join(' ')).toContain('维修求助');
  // Sized for the screen's pixel ratio (2 in the fake), not left at the default 300 × 150.
  expect(drawn[0].width).toBe(343 * 2);
  expect(admin.errors).toEqual([]);
  expect(admin.failedCalls).toEqual([]);
});

test('关怀模式 in WeChat: switched on under 我的, the home page keeps three big actions and 消息', async () => {
  const resident = await world.launch('demo-resident-1');
  await resident.waitForText('您好，张秀英');
  resident.tap('go-profile');
  await resident.waitFor(() => resident.find('care-mode-switch'), 'the care switch');
  resident.tap('care-mode-switch');
  await resident.waitFor(() => resident.find('care-mode-state')?.dom?.textContent === '已开启', 'care mode on');
  expect(resident.record.storage.get('careMode')).toBeDefined();
  await resident.back();
  await resident.waitFor(() => resident.find('care-new-request'), 'the care home page');
  for (const id of ['care-new-request', 'care-my-requests', 'care-inbox']) expect(resident.find(id)).not.toBeNull();
  expect(resident.find('go-new-request')).toBeNull();
  // The page carries the care class, so the bigger type applies.
  expect(resident.current().host.innerHTML).toMatch(/class="[^"]*\bcare\b/);

  // 联系网格员: the number shown, then WeChat's dialler.
  resident.tap('call-grid-worker');
  await resident.waitFor(() => resident.find('dial-grid-worker'), 'the grid worker’s number');
  resident.tap('dial-grid-worker');
  await resident.waitFor(() => resident.record.phoneCalls.length === 1, 'the call');
  expect(resident.record.phoneCalls[0]).toMatch(/^1\d{10}$/);
  expect(resident.text()).toContain(resident.record.phoneCalls[0]);
  expect(resident.errors).toEqual([]);
});
