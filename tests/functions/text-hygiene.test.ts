import { createTestWorld, fingerprint, type TestWorld } from '../support/test-runtime';
import { ADMIN, GRID_WORKER, repairRequest, seedDemo } from '../support/fixtures';

let world: TestWorld;
beforeEach(() => {
  world = createTestWorld();
  seedDemo(world);
});
afterEach(() => world.close());

/** What people can paste into a name box without meaning to: none of it may become a stored name. */
const UNREADABLE = {
  nul: '张\u0000三',
  bell: '李\u0007四',
  lineBreak: '王\n五',
  loneSurrogate: '赵\ud800六',
  onlyZeroWidth: '\u200b\u200c\u200d',
  onlyFormatting: '\u2060\ufeff',
};

describe('names, doors and titles are text a person can read', () => {
  test.each(Object.entries(UNREADABLE))('%s is refused everywhere a name is typed, and nothing is stored', async (_kind, bad) => {
    const before = fingerprint(world);
    const calls = [
      world.call('community', 'join', { scene: 'c=c_demo', name: bad, phone: '13512340000' }, 'wx-hygiene-1'),
      world.call('community', 'join', { scene: 'c=c_demo', name: '周阿姨', phone: '13512340000', buildingId: 'b_demo_3', door: bad }, 'wx-hygiene-2'),
      world.call('community', 'createGrid', { name: bad }, ADMIN),
      world.call('community', 'createBuilding', { name: bad, gridId: 'g_demo_1' }, ADMIN),
      world.call('requests', 'fileOnBehalf', { ...repairRequest(), newResident: { name: bad, buildingId: 'b_demo_1' } }, GRID_WORKER),
    ];
    for (const result of await Promise.all(calls)) {
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      if (!result.ok) expect(result.error.message).toMatch(/无法显示的字符|能看见的文字/);
    }
    expect(fingerprint(world)).toBe(before);
  });

  test('names are stored in one Unicode form, so the same name typed two ways is one name', async () => {
    const decomposed = 'Zoe\u0301'; // e + combining acute, as some keyboards send it
    const me = await world.ok('community', 'join', { scene: 'c=c_demo', name: decomposed, phone: '13512340009' }, 'wx-hygiene-3');
    expect(me.name).toBe('Zo\u00e9');
    const grid = await world.ok('community', 'createGrid', { name: '第三网格 Cafe\u0301' }, ADMIN);
    expect(await world.call('community', 'createGrid', { name: '第三网格 Caf\u00e9' }, ADMIN)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(grid.name).toBe('第三网格 Caf\u00e9');
  });

  test('a description keeps its line breaks but not control characters', async () => {
    const ok = await world.ok('requests', 'submit', repairRequest({ description: '厨房水管漏水\n请尽快来看看' }), 'demo-resident-1');
    expect(ok.description).toBe('厨房水管漏水\n请尽快来看看');
    expect(await world.call('requests', 'submit', repairRequest({ description: '厨房水管漏水\u0000请尽快来看看' }), 'demo-resident-1')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});
