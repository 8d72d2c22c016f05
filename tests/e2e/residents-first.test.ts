import { expectText } from '../support/browser';
import { useE2e } from '../support/e2e';
import { ManualClock } from '../support/test-runtime';

jest.setTimeout(180_000);

/** 09:00 on Monday 2 November 2026 in China; the browser's clock is pinned to the same instant. */
const clock = new ManualClock(Date.UTC(2026, 10, 2, 1, 0, 0));
const e2e = useE2e({ clock });
const { signIn, open } = e2e;
const db = () => e2e.db;

test('care mode: switched on once, it stays on; the home has three big actions and a request takes two taps after the category', async () => {
  const resident = await signIn('demo-resident-3');
  const normalSize = await resident.locator('#go-new-request').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  await resident.locator('#go-profile').click();
  await expectText(resident.locator('#care-mode-state'), '已关闭');
  await resident.locator('#care-mode-switch').click();
  await expectText(resident.locator('#care-mode-state'), '已开启');
  expect(await resident.locator('#care-mode-switch').getAttribute('aria-checked')).toBe('true');

  // Remembered: a fresh load of the home page is in care mode.
  await open(resident, 'index/index');
  await resident.locator('#care-new-request').waitFor();
  expect(await resident.locator('.page.care .big-button').count()).toBeGreaterThanOrEqual(3);
  await expect(resident.locator('#go-tasks').count()).resolves.toBe(0);
  // 消息 stays one tap away in care mode too.
  await expectText(resident.locator('#care-inbox'), '消息', { contains: true });
  const careSize = await resident.locator('#care-new-request').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  expect(careSize).toBeGreaterThan(normalSize * 1.2);

  // 联系网格员 shows the number to call (in WeChat the next tap dials it).
  await resident.locator('#call-grid-worker').click();
  await expectText(resident.locator('#grid-worker-phone'), '13700000001');

  // 我要求助 → category, then: one tap for the sentence, one to send.
  await resident.locator('#care-new-request').click();
  await resident.locator('#quick-category-repair').click();
  let taps = 0;
  await resident.locator('#quick-phrase-0').click();
  taps++;
  await resident.locator('#quick-send').click();
  taps++;
  expect(taps).toBeLessThanOrEqual(3);
  await expectText(resident.locator('.state').first(), '派单中', { contains: true });
  const stored = db().prepare(`SELECT r.category, r.description, r.address FROM requests r JOIN users u ON u.id = r.resident_id WHERE u.openid = 'demo-resident-3'`).all();
  expect(stored).toEqual([{ category: 'repair', description: '家里水管漏水了，请来看看', address: '和平苑 5 栋 3 单元 601' }]);
  await resident.context().close();
});

test('a resident posts a wish, a member claims it from the board, the next member finds it gone', async () => {
  const resident = await signIn('demo-resident-1');
  await resident.locator('#go-new-request').click();
  await resident.locator('#category-wish').click();
  await resident.locator('#wish-skill-助老陪护').click();
  await resident.locator('#description textarea').fill('老伴卧床，想请人上门理个发');
  await resident.locator('#submit-request').click();
  await expectText(resident.locator('.state').first(), '已提交', { contains: true });
  await resident.context().close();

  const member = await signIn('demo-member-5');
  await member.locator('#go-wishes').click();
  await expectText(member.locator('.card .subtitle').first(), '老伴卧床，想请人上门理个发');
  await member.locator('#wish-skill-助老陪护').click();
  const card = member.locator('[id^="claim-r_"]').first();
  await card.click();
  await expectText(member.locator('.state').first(), '已接单', { contains: true });
  await member.context().close();

  const other = await signIn('demo-member-6');
  await other.locator('#go-wishes').click();
  await other.locator('#wishes-empty').waitFor();
  await other.context().close();
  const claimed = db().prepare(`SELECT r.state, u.openid FROM requests r JOIN users u ON u.id = r.assignee_id WHERE r.category = 'wish'`).all();
  expect(claimed).toEqual([{ state: 'accepted', openid: 'demo-member-5' }]);
});

test('five-step deliberation: the admin drafts and publishes, residents discuss and vote once, the published tally matches the votes', async () => {
  const admin = await signIn('demo-admin');
  await open(admin, 'public/deliberations/index');
  await admin.locator('#go-new-deliberation').click();
  await admin.locator('#deliberation-title input').fill('是否在小区增设电动车充电棚');
  await admin.locator('#deliberation-proposal textarea').fill('在 3 栋和 8 栋之间空地增设电动车充电棚，费用由公共收益支出。');
  await admin.locator('#deliberation-quorum input').fill('10');
  await admin.locator('#deliberation-save').click();
  await expectText(admin.locator('#deliberation-title'), '是否在小区增设电动车充电棚');
  await admin.locator('#deliberation-publish').click();
  await expectText(admin.locator('.choice[aria-current="step"] .choice-label'), '3. 组织协商');

  const votes: [string, number][] = [
    ['demo-resident-1', 0],
    ['demo-resident-2', 0],
    ['demo-resident-4', 1],
  ];
  const [id] = (db().prepare('SELECT id FROM deliberations').all() as { id: string }[]).map((row) => row.id);
  for (const [openid, option] of votes) {
    const resident = await signIn(openid);
    const listCalls: string[] = [];
    resident.on('request', (request) => {
      if (request.url().endsWith('/api/deliberations') && request.postData()?.includes('"action":"list"')) listCalls.push(request.url());
    });
    await resident.locator('#go-deliberations').click();
    await resident.locator(`#deliberation-${id}`).waitFor();
    // The list loads when shown (Taro H5 may report the first show twice), then stays put: it once
    // re-fetched on every render, over a hundred times in these 1.5 s, and taps on it got lost.
    await resident.waitForTimeout(1500);
    expect(listCalls.length).toBeLessThanOrEqual(2);
    await resident.locator(`#deliberation-${id}`).click();
    if (openid === 'demo-resident-1') {
      await resident.locator('#comment-text textarea').fill('支持，楼道里充电太危险');
      await resident.locator('#comment-send').click();
      await expectText(resident.locator('.timeline-item').first(), '支持，楼道里充电太危险', { contains: true });
    }
    await resident.locator(`#vote-${option}`).click();
    await expectText(resident.locator('#my-vote'), `您已投票：${option === 0 ? '同意' : '反对'}`);
    await resident.context().close();
  }

  // The window closes (the draft's end date is a week ahead, at 23:59 China time).
  clock.advanceMinutes(8 * 24 * 60);
  await admin.clock.setFixedTime(new Date(clock.now()));
  await open(admin, `public/deliberation/index?id=${id}`);
  await expectText(admin.locator('#tally-0'), '同意：2 票');
  await admin.locator('#decide-decision textarea').fill('多数居民同意增设充电棚');
  await admin.locator('#decide-actions textarea').fill('下月完成选址和施工');
  await admin.locator('#decide-save').click();
  await admin.locator('#deliberation-announce').click();
  await expectText(admin.locator('.choice[aria-current="step"] .choice-label'), '5. 反馈公示');
  await admin.context().close();

  const resident = await signIn('demo-resident-2');
  await open(resident, `public/deliberation/index?id=${id}`);
  await expectText(resident.locator('#tally-0'), '同意：2 票');
  await expectText(resident.locator('#tally-1'), '反对：1 票');
  await expectText(resident.locator('#tally-2'), '弃权：0 票');
  await expectText(resident.locator('#deliberation-decision'), '多数居民同意增设充电棚', { contains: true });
  const stored = db().prepare('SELECT option_index AS option, COUNT(*) AS n FROM deliberation_votes GROUP BY option_index ORDER BY option_index').all();
  expect(stored).toEqual([
    { option: 0, n: 2 },
    { option: 1, n: 1 },
  ]);
  await resident.context().close();
});
