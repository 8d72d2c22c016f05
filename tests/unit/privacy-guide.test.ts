import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONSENT_PURPOSES, deletionRefusals, privacyGuideMarkdown } from '../../src/shared/domain/privacy';

const root = join(__dirname, '..', '..');

describe('用户隐私保护指引', () => {
  test('docs/privacy-guide.md, which the WeChat console form is filled from, is the text the app shows', () => {
    expect(readFileSync(join(root, 'docs', 'privacy-guide.md'), 'utf8')).toBe(privacyGuideMarkdown());
  });

  test('the app declares only the private APIs the guide explains, with the same purpose', () => {
    const config = readFileSync(join(root, 'src', 'app.config.ts'), 'utf8');
    const declared = /requiredPrivateInfos: \[([^\]]*)\]/.exec(config)?.[1].match(/'([^']+)'/g)?.map((name) => name.slice(1, -1));
    expect(declared).toEqual(['getLocation']);
    const locationDesc = /'scope.userLocation': \{ desc: '用于([^']+)' \}/.exec(config)?.[1] ?? '';
    expect(locationDesc).not.toBe('');
    expect(CONSENT_PURPOSES.location.purpose).toContain(locationDesc);
  });
});

describe('what stops a deletion', () => {
  const nothing = { openRequests: 0, openTasks: 0, pendingOrders: 0, onDuty: false, upcomingActivities: 0, staffRoles: [] as const };
  test('nothing open: no reason; each open thing: its own reason, with what to do, for the person or for the admin', () => {
    expect(deletionRefusals(nothing, true)).toEqual([]);
    expect(deletionRefusals({ ...nothing, pendingOrders: 2, onDuty: true }, true)).toEqual(['您还有 2 笔兑换订单没有取货，请先取货或取消订单', '您正在值守，请先签退']);
    expect(deletionRefusals({ ...nothing, upcomingActivities: 1, staffRoles: ['grid_worker'] }, false)).toEqual([
      '该居民还担任网格员，请先由社区管理员解除后再注销',
      '该居民报名了 1 个还没结束的活动，请先取消报名',
    ]);
    expect(deletionRefusals({ ...nothing, staffRoles: ['admin', 'shop_staff'] }, true)).toEqual(['您还担任积分超市店员，请先由社区管理员解除后再注销', '您还担任社区管理员，请先由街道把职务移交给他人后再注销']);
  });
});
