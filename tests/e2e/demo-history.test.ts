import { expectText } from '../support/browser';
import { useE2e } from '../support/e2e';
import { ManualClock } from '../support/test-runtime';

jest.setTimeout(120_000);

/** 10:00 on Monday 16 November 2026 in China; the browser's clock is set to the same instant. */
const clock = new ManualClock(Date.UTC(2026, 10, 16, 2, 0, 0));
// The demo as `npm start` seeds it, six months of history included.
const e2e = useE2e({ clock });
const { signIn, api } = e2e;

test('a newcomer opening the demo as the admin sees half a year of statistics, ledger lines and a ranking', async () => {
  const october = await api('reports', 'getStatistics', { period: '2026-10' }, 'demo-admin');
  const november = await api('reports', 'getStatistics', { period: '2026-11' }, 'demo-admin');
  expect(november.current.submitted).toBeGreaterThan(0);
  expect(october.current.submitted).toBeGreaterThan(0);

  const admin = await signIn('demo-admin');
  await admin.locator('#go-admin').click();
  await admin.locator('#admin-stats').click();
  await expectText(admin.locator('#stats-period-label'), '2026年11月');
  await expectText(admin.locator('#figure-submitted'), `求助 ${november.current.submitted} 件`);
  await expectText(admin.locator('#figure-completed'), `办结 ${november.current.completed} 件`);
  await expectText(admin.locator('#figure-satisfaction'), `平均 ${november.current.satisfaction.averageStars} 星`, { contains: true });
  const june = november.trend[0];
  expect(june.month).toBe('2026-06');
  await expectText(admin.locator('#chart-trend-summary'), `6月：提交 ${june.submitted} 件，办结 ${june.completed} 件`, { contains: true });
  await admin.locator('#stats-period-prev').click();
  await expectText(admin.locator('#stats-period-label'), '2026年10月');
  await expectText(admin.locator('#figure-submitted'), `求助 ${october.current.submitted} 件`);

  const ranking = await api('reports', 'listEvaluations', { period: '2026-11' }, 'demo-admin');
  const top = ranking.rows[0];
  expect(top.tasksCompleted).toBeGreaterThan(0);
  await admin.goto(`${e2e.url}/#/pages/admin/evaluations/index`);
  await admin.reload();
  await expectText(admin.locator(`#evaluation-${top.memberId}`), `第 1 名 · ${top.name}`, { contains: true });
  await expectText(admin.locator(`#evaluation-${top.memberId}`), `完成求助 ${top.tasksCompleted} 件`, { contains: true });

  await admin.goto(`${e2e.url}/#/pages/admin/demand/index`);
  await admin.reload();
  await expectText(admin.locator('#demand-period-label'), '2026年11月');
  await admin.locator('.demand-line').first().waitFor();
  expect(await admin.locator('.demand-line').count()).toBe(Math.min(november.current.submitted, 20));
});
