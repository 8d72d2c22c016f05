import { appRoutes, compileWxml, compileWxss } from '../support/weapp/compile';
import { takeProgramErrors } from '../support/weapp/mini-program';
import { createWeappWorld, WEAPP_ROOT, type WeappWorld } from '../support/weapp/weapp-world';

let world: WeappWorld;
beforeEach(() => {
  world = createWeappWorld();
});
afterEach(() => world.close());

test('WeChat’s compilers take every template and style of the build without an error or a warning', () => {
  const wxml = compileWxml(WEAPP_ROOT);
  const wxss = compileWxss(WEAPP_ROOT);
  expect(wxml.warnings).toEqual([]);
  expect(wxss.warnings).toEqual([]);
  expect(appRoutes(WEAPP_ROOT).length).toBeGreaterThan(50);
});

test('a cold launch asks who the resident is once, greets them, and coming back to the home page asks again', async () => {
  const app = await world.launch('demo-resident-1');
  await app.waitForText('您好，张秀英');
  // Give a second load every chance to show up.
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(app.functionCalls()).toEqual(['community.me']);

  app.tap('go-profile');
  await app.waitFor(() => app.current().route === 'pages/profile/index' && app.find('care-mode-state'), 'the profile page');
  app.tap('care-mode-switch');
  await app.waitForText('已开启');
  await app.back();
  await app.waitFor(() => app.current().route === 'pages/index/index' && app.text().includes('关闭关怀模式'), 'the home page in care mode');
  // Profile's me, then the home page's again when it shows.
  expect(app.functionCalls().filter((call) => call === 'community.me')).toHaveLength(3);
  expect(app.errors).toEqual([]);
  expect(app.record.unexpected).toEqual([]);
});

test('the layer catches what it looks for: an error the app logs fails the test it happened in', async () => {
  const app = await world.launch('demo-resident-1');
  await app.waitForText('您好，张秀英');
  // What the app's console.error records (an unhandled rejection jest itself fails the test on).
  app.errors.push('console.error: planted');
  expect(takeProgramErrors()).toEqual(['pages/index/index: console.error: planted']);
  // Taken: the trap in setup.ts sees nothing more.
  expect(takeProgramErrors()).toEqual([]);
});
