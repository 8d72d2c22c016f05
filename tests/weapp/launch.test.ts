import { createWeappWorld, type WeappWorld } from '../support/weapp/weapp-world';

let world: WeappWorld;
beforeEach(() => {
  world = createWeappWorld();
});
afterEach(() => world.close());

test('a resident opens the mini-program: the home page greets them', async () => {
  const app = await world.launch('demo-resident-1');
  await app.waitForText('您好，张秀英');
  console.log(app.text(), app.functionCalls(), app.errors, app.record.unexpected);
});
