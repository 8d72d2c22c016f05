import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionOf, FunctionName, InputOf, OutputOf } from '../../src/shared/contracts';
import { newToken, repairRequest } from './fixtures';

/** Calls a cloud function as a demo user (the e2e fixture's `api`, or okHost bound to a URL). */
export type ApiCall = <F extends FunctionName, A extends ActionOf<F>>(fn: F, action: A, data: InputOf<F, A>, openid: string) => Promise<OutputOf<F, A>>;

/** Who opens a route, and the query it needs. */
export interface Visit {
  route: string;
  openid: string;
  query: string;
}

/** Every route in app.config.ts: the main package, then each subpackage. */
export function appRoutes(): string[] {
  const config = readFileSync(join(__dirname, '../../src/app.config.ts'), 'utf8');
  const main = [...(config.match(/pages: \[([\s\S]*?)\]/)?.[1].matchAll(/'([^']+)'/g) ?? [])].map((match) => match[1]);
  const subpackages = [...config.matchAll(/root: '([^']+)',\s*pages: \[([\s\S]*?)\]/g)].flatMap((match) => [...match[2].matchAll(/'([^']+)'/g)].map((page) => `${match[1]}/${page[1]}`));
  // The H5 app's 模拟微信登录 (app.config's LOCAL_H5_PAGES) comes right after the home page.
  return [main[0], 'pages/login/index', ...main.slice(1), ...subpackages];
}

const MEMBER_ROUTES = ['pages/market/code/index', 'pages/market/catalog/index', 'pages/market/orders/index', 'pages/tasks/index', 'pages/points/index'];
const SHOP_ROUTES = ['pages/market/till/index', 'pages/market/shop-orders/index', 'pages/market/items/index'];

/** The demo user who may use a route: residents by default, members, shop staff, admins, the district viewer. */
export function visitorOf(route: string): string {
  if (route === 'pages/admin/district/index') return 'demo-district';
  if (route.startsWith('pages/admin/')) return 'demo-admin';
  if (SHOP_ROUTES.includes(route)) return 'demo-shop-1';
  if (MEMBER_ROUTES.includes(route) || route.startsWith('pages/service/') || route.startsWith('pages/account/')) return 'demo-member-2';
  return 'demo-resident-1';
}

/**
 * Makes, through the API, the records the detail pages need (a request, a project, an activity, a
 * published deliberation, an online order with a pickup code), and returns one visit per route of app.config.ts.
 */
export async function planVisits(api: ApiCall, now: number): Promise<Visit[]> {
  const iso = (ms: number) => new Date(ms).toISOString();
  const request = await api('requests', 'submit', repairRequest(), 'demo-resident-1');
  const project = await api(
    'ledgers',
    'createProject',
    { title: '三栋加装电梯', description: '为 3 栋加装电梯，方便老人出行', ownerDepartment: '街道城建科', targetDate: '2027-06-30', milestones: [{ title: '完成设计', dueDate: '2027-01-31' }] },
    'demo-admin',
  );
  const activity = await api(
    'service',
    'createActivity',
    { title: '清理楼道杂物', place: '幸福里小区 3 栋', location: { lat: 30.6586, lng: 104.0657 }, startsAt: iso(now + 864e5), endsAt: iso(now + 864e5 + 7_200_000), capacity: 10, points: 5 },
    'demo-admin',
  );
  const deliberation = await api(
    'deliberations',
    'createDraft',
    { title: '是否增设充电棚', proposal: '在 3 栋和 8 栋之间空地增设电动车充电棚。', voteStartsAt: iso(now), voteEndsAt: iso(now + 7 * 864e5) },
    'demo-admin',
  );
  await api('deliberations', 'publish', { deliberationId: deliberation.id }, 'demo-admin');
  // An online order waiting for pickup, so 我的兑换 shows its pickup code.
  await api('points', 'placeOrder', { clientToken: newToken(), shopId: 's_demo_1', lines: [{ itemId: 'it_demo_soap', qty: 1 }] }, 'demo-member-2');
  const query: Record<string, string> = {
    'pages/request/detail/index': `id=${request.id}`,
    'pages/admin/project/index': `id=${project.id}`,
    'pages/public/project/index': `id=${project.id}`,
    'pages/admin/activity/index': `id=${activity.id}`,
    'pages/service/activity/index': `id=${activity.id}`,
    'pages/public/deliberation/index': `id=${deliberation.id}`,
    'pages/join/index': `scene=${encodeURIComponent('c=c_demo')}`,
  };
  return appRoutes().map((route) => ({ route, openid: visitorOf(route), query: query[route] ?? '' }));
}

/** The hash URL of a visit. */
export function visitUrl(baseUrl: string, visit: Visit): string {
  return `${baseUrl}/#/${visit.route}${visit.query ? `?${visit.query}` : ''}`;
}
