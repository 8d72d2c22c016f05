import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'glob';
import { planVisits } from '../support/app-visits';
import { appRoutes } from '../support/weapp/compile';
import { createWeappWorld, WEAPP_ROOT, type WeappWorld } from '../support/weapp/weapp-world';

jest.setTimeout(120_000);

let world: WeappWorld;
beforeAll(() => {
  world = createWeappWorld();
});
afterAll(() => world.close());

test('no page or code path of the weapp build exists only for the local H5 app (WeChat has no fetch)', () => {
  expect(appRoutes(WEAPP_ROOT)).not.toContain('pages/login/index');
  const bundles = globSync('**/*.js', { cwd: WEAPP_ROOT }).map((file) => [file, readFileSync(join(WEAPP_ROOT, file), 'utf8')] as const);
  expect(bundles.length).toBeGreaterThan(50);
  expect(bundles.filter(([, code]) => /\bfetch\(|\/local\/demo-users|\/api\/files/.test(code)).map(([file]) => file)).toEqual([]);
});

test('every page of app.json opens in the weapp build as a user who may use it: drawn, its calls answered, no error', async () => {
  const visits = await planVisits(world.functions.ok, world.functions.clock.now());
  const routes = new Set(appRoutes(WEAPP_ROOT));
  const problems: string[] = [];
  for (const visit of visits.filter((candidate) => routes.has(candidate.route))) {
    const where = `${visit.route} as ${visit.openid}`;
    const app = await world.launch(visit.openid, `${visit.route}${visit.query ? `?${visit.query}` : ''}`);
    const drawn = await app.waitFor(() => app.text().length >= 4, 'the page drawn').catch(() => false);
    await app.settle().catch((error: Error) => problems.push(`${where}: ${error.message}`));
    if (!drawn) problems.push(`${where}: nothing drawn`);
    if (app.stack.length === 0) problems.push(`${where}: the page closed itself (${app.record.calls.map((call) => call.api).filter((api) => /navigate|redirect|reLaunch/.test(api)).join(', ')})`);
    for (const failed of app.failedCalls) problems.push(`${where}: ${failed}`);
    for (const error of app.errors) problems.push(`${where}: ${error.split('\n')[0]}`);
    for (const api of new Set(app.record.unexpected)) problems.push(`${where}: wx.${api} is not modelled`);
    app.dispose();
  }
  expect(problems).toEqual([]);
});
