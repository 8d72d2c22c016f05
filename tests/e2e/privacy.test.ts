import { join } from 'node:path';
import { expectText } from '../support/browser';
import { useE2e } from '../support/e2e';
import { repairRequest } from '../support/fixtures';

jest.setTimeout(120_000);

const e2e = useE2e({ demoHistory: false });
const { signIn, open, api } = e2e;
const COMPLAINT = '3 栋张秀英反映楼下烧烤店油烟太大，晚上开不了窗';

test('an escalated complaint reaches residents only as the summary the admin writes, after a preview and a confirmation', async () => {
  const request = await api('requests', 'submit', repairRequest({ category: 'suggestion', description: COMPLAINT }), 'demo-resident-1');
  const escalated = await api('requests', 'escalate', { requestId: request.id, department: '住建局', meetingDate: '2026-11-20', attendees: ['陈书记', '住建局王科长'], decision: '督促整改' }, 'demo-admin');
  const projectId = escalated.projectId ?? '';

  // Before it is published a neighbour sees nothing of it.
  const neighbour = await signIn('demo-resident-3');
  await open(neighbour, 'public/projects/index');
  await neighbour.locator('.page').first().waitFor();
  expect(await neighbour.locator(`#public-project-${projectId}`).count()).toBe(0);
  expect(await neighbour.content()).not.toContain('开不了窗');

  const admin = await signIn('demo-admin');
  await open(admin, `admin/project/index?id=${projectId}`);
  await expectText(admin.locator('#project-publication .subtitle').first(), '公开到居民清单');
  await admin.locator('#publication-title-input input').fill('整治餐饮油烟扰民');
  await admin.locator('#publication-summary-input textarea').fill('社区联合住建局督促沿街餐饮店加装油烟净化设备');
  // The preview is what residents will read.
  await expectText(admin.locator('#publication-preview'), '整治餐饮油烟扰民', { contains: true });
  await expectText(admin.locator('#publication-preview'), '加装油烟净化设备', { contains: true });
  await admin.locator('#publication-submit').click();
  await admin.locator('#publication-confirm').waitFor();
  if (process.env.E2E_SCREENSHOTS) await admin.screenshot({ path: join(process.env.E2E_SCREENSHOTS, 'publication-confirm.png') });
  await admin.locator('#publication-confirm-confirm').click();
  await expectText(admin.locator('#project-notice'), '已公开到居民清单');
  await expectText(admin.locator('#publication-title'), '整治餐饮油烟扰民');
  if (process.env.E2E_SCREENSHOTS) await admin.locator('#project-publication').screenshot({ path: join(process.env.E2E_SCREENSHOTS, 'publication-done.png') });

  await open(neighbour, 'public/projects/index');
  await expectText(neighbour.locator(`#public-project-${projectId} .subtitle`).first(), '整治餐饮油烟扰民');
  await neighbour.locator(`#public-project-open-${projectId}`).click();
  await expectText(neighbour.locator('#public-project-title'), '整治餐饮油烟扰民');
  const page = await neighbour.content();
  for (const privateWord of ['张秀英', '开不了窗']) expect(page).not.toContain(privateWord);
});

test('the duplicate hint says a similar request is open nearby, how far and how long ago, without anyone’s words', async () => {
  await api('requests', 'submit', repairRequest({ description: '楼道第三层的灯坏了好几天，晚上老人下楼看不见' }), 'demo-resident-1');
  const resident = await signIn('demo-resident-1');
  await resident.locator('#go-new-request').click();
  await resident.locator('#category-repair').click();
  await expectText(resident.locator('#similar-hint'), '附近已有类似求助，正在处理', { contains: true });
  await expectText(resident.locator('#similar-hint'), '就在附近，刚刚提交', { contains: true });
  if (process.env.E2E_SCREENSHOTS) await resident.locator('#similar-hint').screenshot({ path: join(process.env.E2E_SCREENSHOTS, 'similar-hint.png') });
  expect(await resident.locator('#similar-hint').innerText()).not.toContain('楼道');
});

test('操作日志 on screen: the admin reads who did what, newest first', async () => {
  await api('points', 'adjust', { clientToken: 'e2e-audit-0001', memberId: 'u_demo_member_2', amount: 5, reason: '补录线下志愿服务' }, 'demo-admin');
  const admin = await signIn('demo-admin');
  await open(admin, 'admin/audit/index');
  await expectText(admin.locator('.audit-entry .subtitle').first(), '调整积分');
  await expectText(admin.locator('.audit-entry').first(), '陈书记', { contains: true });
  if (process.env.E2E_SCREENSHOTS) await admin.screenshot({ path: join(process.env.E2E_SCREENSHOTS, 'audit-log.png') });
});
