import { DEMO_CENTER, offset } from '../../src/server/seed/demo-data';
import type { CallFigures } from './counting-doc-db';
import type { CloudWorld } from './cloud-world';
import { ADMIN, DISTRICT_VIEWER, LINKED_MEMBER, RESIDENT, SHOP_STAFF, repairRequest } from './fixtures';

/** `job`: a scheduler tick with due work, measured for the table; its bound is the big-tick test's. */
export type ActionKind = 'write' | 'read' | 'export' | 'tick' | 'job';

export interface MeasuredAction {
  label: string;
  kind: ActionKind;
  figures: CallFigures;
}

const SAVER = 'demo-member-2'; // 李红梅, 77 points carried over
/** 张志强, a plumber with nothing open: he leaves (注销). */
const LEAVER = 'demo-member-3';
const AT_SERVICE_POINT = offset(DEMO_CENTER, 40, 20);

/**
 * What a tap costs on CloudBase: the four orders loop, the till, an online order, a duty and a wish,
 * the lists people open most and a scheduler tick, each measured alone on the counted twin.
 */
export async function measureUserActions(world: CloudWorld): Promise<MeasuredAction[]> {
  const measured: MeasuredAction[] = [];
  const note = (label: string, kind: ActionKind, figures: CallFigures) => measured.push({ label, kind, figures });

  note('community.me', 'read', (await world.measure('community', 'me', {}, RESIDENT)).figures);

  const submitted = await world.measure('requests', 'submit', repairRequest(), RESIDENT);
  note('requests.submit (with dispatch)', 'write', submitted.figures);
  const requestId = submitted.data.id;
  note('requests.listTasks', 'read', (await world.measure('requests', 'listTasks', { scope: 'open', limit: 20 }, LINKED_MEMBER)).figures);
  note('requests.get', 'read', (await world.measure('requests', 'get', { requestId }, RESIDENT)).figures);
  note('requests.listMine', 'read', (await world.measure('requests', 'listMine', { limit: 20 }, RESIDENT)).figures);
  note('community.listInbox', 'read', (await world.measure('community', 'listInbox', { limit: 20 }, LINKED_MEMBER)).figures);
  note('requests.accept', 'write', (await world.measure('requests', 'accept', { requestId }, LINKED_MEMBER)).figures);
  note('requests.complete', 'write', (await world.measure('requests', 'complete', { requestId, note: '已更换水管接头，不再漏水', photos: [] }, LINKED_MEMBER)).figures);
  note('requests.rate', 'write', (await world.measure('requests', 'rate', { requestId, stars: 5, comment: '来得很快' }, RESIDENT)).figures);

  note('points.getMine', 'read', (await world.measure('points', 'getMine', {}, SAVER)).figures);
  note('points.listCatalog', 'read', (await world.measure('points', 'listCatalog', {}, SAVER)).figures);
  const issued = await world.measure('points', 'issueCode', {}, SAVER);
  note('points.issueCode', 'read', issued.figures);
  note('points.inspectCode', 'read', (await world.measure('points', 'inspectCode', { code: issued.data.code }, SHOP_STAFF)).figures);
  note(
    'points.redeem',
    'write',
    (await world.measure('points', 'redeem', { clientToken: 'bench-till-0001', code: issued.data.code, lines: [{ itemId: 'it_demo_soap', qty: 1 }] }, SHOP_STAFF)).figures,
  );
  const order = await world.measure('points', 'placeOrder', { clientToken: 'bench-order-0001', shopId: 's_demo_1', lines: [{ itemId: 'it_demo_soap', qty: 1 }] }, SAVER);
  note('points.placeOrder', 'write', order.figures);
  note('points.confirmPickup', 'write', (await world.measure('points', 'confirmPickup', { code: order.data.redemption.pickupCode ?? '' }, SHOP_STAFF)).figures);

  note('service.checkIn', 'write', (await world.measure('service', 'checkIn', { servicePointId: 'sp_demo_1', location: AT_SERVICE_POINT }, SAVER)).figures);
  world.local.clock.advanceMinutes(90);
  note('service.checkOut', 'write', (await world.measure('service', 'checkOut', { location: AT_SERVICE_POINT }, SAVER)).figures);

  const wish = await world.ok('requests', 'submit', { ...repairRequest(), category: 'wish', description: '想请人帮忙理发，行动不便' }, RESIDENT);
  note('requests.claimWish', 'write', (await world.measure('requests', 'claimWish', { requestId: wish.id }, SAVER)).figures);

  note('reports.getStatistics (community month)', 'read', (await world.measure('reports', 'getStatistics', { period: '2026-10' }, ADMIN)).figures);
  note('reports.getStatistics (district month)', 'read', (await world.measure('reports', 'getStatistics', { period: '2026-10', scope: 'district' }, DISTRICT_VIEWER)).figures);
  for (const kind of ['demand', 'statistics', 'evaluations'] as const) {
    note(`reports.exportWorkbook (${kind}, month)`, 'export', (await world.measure('reports', 'exportWorkbook', { kind, period: '2026-10' }, ADMIN)).figures);
  }
  // 我的信息 and its export read everything held about one person; 注销 erases it in one transaction.
  note('community.getMyData', 'export', (await world.measure('community', 'getMyData', {}, SAVER)).figures);
  note('reports.exportMyData', 'export', (await world.measure('reports', 'exportMyData', {}, SAVER)).figures);
  note('community.checkDeletion', 'export', (await world.measure('community', 'checkDeletion', {}, LEAVER)).figures);
  note('community.deleteAccount', 'write', (await world.measure('community', 'deleteAccount', { confirm: '注销' }, LEAVER)).figures);
  note('community.revokeRole', 'write', (await world.measure('community', 'revokeRole', { userId: 'u_demo_grid_1', role: 'grid_worker' }, ADMIN)).figures);
  note('scheduler tick (demo community, work due)', 'job', (await world.measureTick()).figures);
  note('scheduler tick (idle)', 'tick', (await world.measureTick()).figures);
  return measured;
}

/**
 * The budgets production can afford (DESIGN.md): a write ≤ 12 sequential round trips in all, a read ≤ 4,
 * an idle tick ≤ 2; an Excel export, which reads a month's ledger, ≤ 40 (1 s at 25 ms, far inside the
 * 20 s function timeout).
 */
export const BUDGETS: Record<Exclude<ActionKind, 'job'>, number> = { write: 12, read: 4, export: 40, tick: 2 };
