import gcoord from 'gcoord';
import type { Page } from 'playwright-core';
import { DEMO_CENTER, offset } from '../../src/server/seed/demo-data';
import { expectText } from '../support/browser';
import { useE2e } from '../support/e2e';
import { ManualClock } from '../support/test-runtime';

jest.setTimeout(120_000);

/** 09:00 on Monday 2 November 2026 in China: the demo service point (Mon–Sat 08:30–18:00) is open. */
const clock = new ManualClock(Date.UTC(2026, 10, 2, 1, 0, 0));
// The host's clock only: the browsers keep theirs.
const e2e = useE2e({ clock, pinBrowserClock: false });

/** A phone standing at a GCJ-02 spot: browsers report WGS-84, so give the phone the WGS-84 of that spot. */
function phoneAt(openid: string, spot: { lat: number; lng: number }): Promise<Page> {
  const [longitude, latitude] = gcoord.transform([spot.lng, spot.lat], gcoord.GCJ02, gcoord.WGS84);
  return e2e.signIn(openid, { geolocation: { latitude, longitude, accuracy: 10 }, permissions: ['geolocation'] });
}

test('a member opens the service point\'s QR link, checks in, checks out two hours later, and sees the points', async () => {
  const member = await phoneAt('demo-member-1', offset(DEMO_CENTER, 60, 20));
  await member.goto(`${e2e.url}/#/pages/join/index?scene=${encodeURIComponent('sp=sp_demo_1')}`);
  await expectText(member.locator('#duty-point'), '幸福里党群服务中心');
  await member.locator('#duty-check-in').click();
  await expectText(member.locator('#duty-state'), '值守中', { contains: true });

  clock.advanceMinutes(125);
  await member.locator('#duty-check-out').click();
  await expectText(member.locator('#duty-points'), '获得 4 分');
  await expectText(member.locator('#duty-state'), '未签到');

  await member.goto(`${e2e.url}/#/pages/points/index`);
  await expectText(member.locator('#points-balance'), '4');
  await expectText(member.locator('.points-item').first(), '幸福里党群服务中心值守 2 小时', { contains: true });
});

test('too far away: the member is told how far, and nothing is recorded', async () => {
  const member = await phoneAt('demo-member-2', offset(DEMO_CENTER, 900, 20));
  await member.goto(`${e2e.url}/#/pages/join/index?scene=${encodeURIComponent('sp=sp_demo_1')}`);
  await member.locator('#duty-check-in').click();
  await expectText(member.locator('.error'), '需要在 150 米以内才能签到或签退', { contains: true });
  await expectText(member.locator('.error'), '您距离「幸福里党群服务中心」约', { contains: true });
  await expectText(member.locator('#duty-state'), '未签到');
  expect(e2e.db.prepare(`SELECT COUNT(*) AS n FROM duties WHERE member_id = 'u_demo_member_2'`).get()).toEqual({ n: 0 });
});

test('a member signs up for an activity and checks in there from its QR link', async () => {
  const startsAt = clock.now() + 20 * 60_000;
  const response = await fetch(`${e2e.url}/api/service`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-openid': 'demo-admin' },
    body: JSON.stringify({
      action: 'createActivity',
      data: { title: '社区义诊', place: '幸福里社区活动室', location: offset(DEMO_CENTER, 30, 20), radiusM: 150, startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + 7_200_000).toISOString(), capacity: 5, points: 6 },
    }),
  });
  const activity = ((await response.json()) as { data: { id: string } }).data;
  const member = await phoneAt('demo-member-3', offset(DEMO_CENTER, 40, 30));
  await member.locator('#go-activities').click();
  await member.locator(`#activity-${activity.id}`).click();
  await member.locator('#activity-sign-up').click();
  await expectText(member.locator('#activity-status'), '已报名');
  await member.goto(`${e2e.url}/#/pages/join/index?scene=${encodeURIComponent(`a=${activity.id}`)}`);
  await member.locator('#activity-check-in').click();
  await expectText(member.locator('#activity-status'), '已签到', { contains: true });
});
