import { createTestWorld, fingerprint, type TestWorld } from '../support/test-runtime';
import { ADMIN, GRID_WORKER, LINKED_MEMBER, OTHER_RESIDENT, RESIDENT, repairRequest, seedDemo } from '../support/fixtures';

let world: TestWorld;
beforeEach(() => {
  world = createTestWorld();
  seedDemo(world);
});
afterEach(() => world.close());

const MEETING = { department: '住建局', meetingDate: '2026-11-20', attendees: ['陈书记', '住建局王科长'], decision: '协调物业和住建局处理' };

async function escalate(category: 'suggestion' | 'mediation', description: string) {
  const request = await world.ok('requests', 'submit', repairRequest({ category, description }), RESIDENT);
  const escalated = await world.ok('requests', 'escalate', { ...MEETING, requestId: request.id }, ADMIN);
  return { request, projectId: escalated.projectId as string };
}

const publicList = async (openid: string) => (await world.ok('ledgers', 'listPublished', { limit: 20 }, openid)).items;

describe('a project from an escalation is for staff until an admin publishes it', () => {
  test('residents see nothing of it, not in the list, not by id, not by supporting it', async () => {
    const { projectId } = await escalate('suggestion', '3 栋张秀英反映楼下烧烤店油烟太大，晚上开不了窗');
    for (const resident of [RESIDENT, OTHER_RESIDENT, LINKED_MEMBER]) {
      expect((await publicList(resident)).map((item) => item.id)).not.toContain(projectId);
      expect(await world.call('ledgers', 'getProject', { projectId }, resident)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(await world.call('ledgers', 'supportProject', { projectId }, OTHER_RESIDENT)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Staff read it whole, and are told it is not public yet.
    for (const staff of [ADMIN, GRID_WORKER]) {
      const seen = await world.ok('ledgers', 'getProject', { projectId }, staff);
      expect(seen).toMatchObject({ publication: null, publishable: true, description: expect.stringContaining('油烟太大') });
    }
  });

  test('published in words written for residents, it shows those words only, and residents can support it', async () => {
    const { request, projectId } = await escalate('suggestion', '3 栋张秀英反映楼下烧烤店油烟太大，晚上开不了窗');
    const published = await world.ok('ledgers', 'publishProject', { projectId, title: '整治餐饮油烟扰民', summary: '社区联合住建局督促沿街餐饮店加装油烟净化设备' }, ADMIN);
    expect(published.publication).toMatchObject({ title: '整治餐饮油烟扰民', summary: '社区联合住建局督促沿街餐饮店加装油烟净化设备' });

    const [listed] = (await publicList(OTHER_RESIDENT)).filter((item) => item.id === projectId);
    expect(listed).toMatchObject({ title: '整治餐饮油烟扰民', description: '社区联合住建局督促沿街餐饮店加装油烟净化设备', requestId: null });
    const detail = await world.ok('ledgers', 'getProject', { projectId }, OTHER_RESIDENT);
    const text = JSON.stringify(detail);
    for (const privateWord of ['张秀英', '开不了窗', request.id, '13800000001']) expect(text).not.toContain(privateWord);
    const supported = await world.ok('ledgers', 'supportProject', { projectId }, OTHER_RESIDENT);
    expect(supported).toMatchObject({ supportCount: 1, title: '整治餐饮油烟扰民' });
    // Staff still see the complaint behind it.
    expect((await world.ok('ledgers', 'getProject', { projectId }, ADMIN)).description).toContain('开不了窗');
  });

  test('a public text that names the resident or quotes them is refused, and changes nothing', async () => {
    const { projectId } = await escalate('suggestion', '3 栋张秀英反映楼下烧烤店油烟太大，晚上开不了窗');
    const before = fingerprint(world);
    const named = await world.call('ledgers', 'publishProject', { projectId, title: '张秀英反映的油烟问题', summary: '社区联合住建局督促沿街餐饮店加装油烟净化设备' }, ADMIN);
    expect(named).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '公开内容里不能出现居民的姓名' } });
    const quoted = await world.call('ledgers', 'publishProject', { projectId, title: '整治餐饮油烟扰民', summary: '居民说楼下烧烤店油烟太大，晚上开不了窗' }, ADMIN);
    expect(quoted).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await world.call('ledgers', 'publishProject', { projectId, title: '整治餐饮油烟扰民', summary: '社区联合住建局督促餐饮店整改' }, GRID_WORKER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(fingerprint(world)).toBe(before);
  });

  test('a private matter (a mediation) can never be published', async () => {
    const { projectId } = await escalate('mediation', '楼上邻居每天半夜拖动家具，沟通多次没有用，想请社区调解');
    expect((await world.ok('ledgers', 'getProject', { projectId }, ADMIN)).publishable).toBe(false);
    const before = fingerprint(world);
    const refused = await world.call('ledgers', 'publishProject', { projectId, title: '邻里噪音纠纷调解', summary: '社区组织双方协商，达成作息约定' }, ADMIN);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(fingerprint(world)).toBe(before);
    expect((await publicList(OTHER_RESIDENT)).map((item) => item.id)).not.toContain(projectId);
  });

  test('a project the admin opens for the community is public from the start', async () => {
    const created = await world.ok(
      'ledgers',
      'createProject',
      { title: '三栋加装电梯', description: '为 3 栋加装电梯，方便老人出行', ownerDepartment: '街道城建科', ownerId: 'u_demo_admin', targetDate: '2027-06-30', milestones: [{ title: '方案公示', dueDate: '2027-01-31' }] },
      ADMIN,
    );
    expect(created.publication).toMatchObject({ title: '三栋加装电梯', summary: '为 3 栋加装电梯，方便老人出行' });
    expect((await publicList(RESIDENT)).map((item) => item.id)).toContain(created.id);
  });
});
