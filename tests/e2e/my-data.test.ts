import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expectText } from '../support/browser';
import { useE2e } from '../support/e2e';
import { repairRequest } from '../support/fixtures';
import { PRIVACY_POLICY_VERSION } from '../../src/shared/domain/privacy';
import { sidewaysOverflow } from '../support/screen';

jest.setTimeout(120_000);

const e2e = useE2e({ demoHistory: false });
const { signIn, open, api } = e2e;
const POLICY_VERSION = PRIVACY_POLICY_VERSION;
const AT_HOME = { permissions: ['geolocation'], geolocation: { latitude: 30.6532, longitude: 104.0816 } };
const shot = async (page: Page, name: string) => {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: join(process.env.E2E_SCREENSHOTS, `${name}.png`), fullPage: true });
};

test('我的信息: a member reads what is held about them on a small phone, withdraws a consent and exports it', async () => {
  const member = await signIn('demo-member-2', { ...AT_HOME, viewport: { width: 320, height: 640 } });
  await api('community', 'recordConsent', { kind: 'photos', policyVersion: POLICY_VERSION }, 'demo-member-2');

  await open(member, 'profile/index');
  await member.locator('#open-my-data').click();
  await expectText(member.locator('#my-profile'), '李红梅', { contains: true });
  // Fresh, as the screen-fit checks open pages (Taro's H5 page stack widens the document after a navigateTo).
  await open(member, 'account/data/index');
  await expectText(member.locator('#my-profile'), '13900000002', { contains: true });
  await expectText(member.locator('#my-points'), '余额', { contains: true });
  await expectText(member.locator('#my-consents'), '照片', { contains: true });
  await expectText(member.locator('#my-consents'), '用途：说明求助情况', { contains: true });
  expect(await sidewaysOverflow(member)).toEqual([]);
  await shot(member, 'my-data-320');

  await member.locator('#withdraw-photos').click();
  await expectText(member.locator('#my-consents'), '已撤回', { contains: true });
  const download = member.waitForEvent('download');
  await member.locator('#export-my-data').click();
  expect((await download).suggestedFilename()).toMatch(/^我的信息-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await expectText(member.locator('#export-done'), '已导出', { contains: true });
});

test('a resident allows location while asking for help; the consent is then on 我的信息', async () => {
  const resident = await signIn('demo-resident-2', AT_HOME);
  await resident.locator('#go-new-request').click();
  await resident.locator('#use-location').click();
  await expectText(resident.locator('#location-note'), '已使用当前位置');
  await open(resident, 'account/data/index');
  await expectText(resident.locator('#my-consents'), '位置信息', { contains: true });
  await expectText(resident.locator('#my-consents'), '把求助派给附近的党员', { contains: true });
});

test('注销: refused with what to do while a request is open; then the resident leaves and the app starts again', async () => {
  const request = await api('requests', 'submit', repairRequest(), 'demo-resident-3');
  const resident = await signIn('demo-resident-3', { viewport: { width: 375, height: 812 } });
  await open(resident, 'account/leave/index');
  await expectText(resident.locator('#leave-refusals'), '您还有 1 件求助没有办结，请先取消或等办结后再注销', { contains: true });
  expect(await resident.locator('#leave-start').count()).toBe(0);
  await shot(resident, 'leave-refused');

  await api('requests', 'cancel', { requestId: request.id }, 'demo-resident-3');
  await open(resident, 'account/leave/index');
  await expectText(resident.locator('#leave-erased'), '您上传的照片', { contains: true });
  await resident.locator('#leave-start').click();
  await resident.locator('#leave-confirm').waitFor();
  await shot(resident, 'leave-confirm');
  await resident.locator('#leave-confirm-confirm').click();
  // Signed out: the local app is back at its 模拟微信登录 page.
  await resident.waitForURL(/pages\/login\/index/);
  const me = await fetch(`${e2e.url}/api/community`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-openid': 'demo-resident-3' }, body: JSON.stringify({ action: 'me', data: {} }) });
  expect(((await me.json()) as { ok: boolean }).ok).toBe(false);
});

test('the admin does it for a resident without a phone, from the residents list', async () => {
  const admin = await signIn('demo-admin');
  await open(admin, 'admin/members/index');
  await admin.locator('#list-residents').click();
  // A grid worker's card offers to hand the duty back (解除网格员) as well as 代为注销.
  await admin.locator('#member-search input').fill('刘网格员');
  await admin.locator('#member-search-submit').click();
  await expectText(admin.locator('#revoke-grid_worker-u_demo_grid_1'), '解除网格员');
  await shot(admin, 'resident-card-grid-worker');
  await admin.locator('#member-search input').fill('赵明');
  await admin.locator('#member-search-submit').click();
  await admin.locator('[id^="leave-for-"]').first().click();
  await expectText(admin.locator('.taro_page_show .title').first(), '代 赵明 注销账户');
  await admin.locator('#leave-start').click();
  await admin.locator('#leave-confirm-confirm').click();
  await admin.locator('#list-residents').waitFor();
  const log = await api('reports', 'listAuditLog', { limit: 5 }, 'demo-admin');
  expect(log.items.map((entry) => entry.actionLabel)).toContain('代居民注销账户');
});
