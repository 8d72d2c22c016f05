/**
 * Races on the points supermarket, for real: two local host processes share one SQLite file (each
 * with its own connection), and 200 calls go to them at once over HTTP, half to each.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TCatalogItemView, TLedgerReport, TReceipt } from '../../src/shared/contracts/points';
import { callHost, okHost, startHostProcess, stopHostProcess, type HostProcess } from '../support/host-process';

jest.setTimeout(120_000);

const ADMIN = 'demo-admin';
const STAFF = 'demo-shop-1';
const SAVER = 'demo-member-2'; // 77 points carried over
const SOAP = 'it_demo_soap'; // 10 points, stock 100

let dataDir: string;
let hosts: HostProcess[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'daiban-race-'));
  // The first start seeds the demo data; the second opens the same file.
  const first = await startHostProcess(dataDir, { SCHEDULER_INTERVAL_MS: '3600000' });
  const second = await startHostProcess(dataDir, { SCHEDULER_INTERVAL_MS: '3600000' });
  hosts = [first, second];
});
afterAll(async () => {
  for (const host of hosts) await stopHostProcess(host, 'SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

const urlFor = (index: number) => hosts[index % 2].url;
const outcome = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : (result.error?.code ?? 'unknown'));

function tally(outcomes: string[]): Record<string, number> {
  return outcomes.reduce<Record<string, number>>((counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }), {});
}

test('200 concurrent redemptions against a balance that covers 37: exactly 37 succeed', async () => {
  await okHost(urlFor(0), 'points', 'adjust', { clientToken: 'race-topup-0001', memberId: 'u_demo_member_2', amount: 370 - 77, reason: '补录志愿服务积分' }, ADMIN);
  const codes = await Promise.all(Array.from({ length: 200 }, (_, index) => okHost<{ code: string }>(urlFor(index), 'points', 'issueCode', {}, SAVER)));

  const results = await Promise.all(
    codes.map(({ code }, index) => callHost<TReceipt>(urlFor(index), 'points', 'redeem', { clientToken: `race-sale-${index}`, code, lines: [{ itemId: SOAP, qty: 1 }] }, STAFF)),
  );
  expect(tally(results.map(outcome))).toEqual({ ok: 37, INSUFFICIENT_POINTS: 163 });

  expect(await okHost(urlFor(1), 'points', 'getMine', { limit: 1 }, SAVER)).toMatchObject({ balance: 0, held: 0, available: 0 });
  const shelf = await okHost<{ items: TCatalogItemView[] }>(urlFor(0), 'points', 'listShopItems', {}, STAFF);
  expect(shelf.items.find((item) => item.id === SOAP)?.stock).toBe(100 - 37);
  expect((await okHost<TLedgerReport>(urlFor(1), 'points', 'verifyLedger', {}, ADMIN)).problems).toEqual([]);
});

test('200 concurrent orders of an item with stock 5: exactly 5 succeed, and 5 holds are all that is held', async () => {
  const item = await okHost<TCatalogItemView>(urlFor(0), 'points', 'saveItem', { name: '手写春联', kind: 'goods', price: 3, stock: 5, monthlyLimit: null }, STAFF);
  // Ten members with carried-over points order at once (李红梅 spent hers above).
  const members = Array.from({ length: 10 }, (_, index) => `demo-member-${index + 3}`);
  const results = await Promise.all(
    Array.from({ length: 200 }, (_, index) =>
      callHost<TReceipt>(urlFor(index), 'points', 'placeOrder', { clientToken: `race-order-${index}`, shopId: 's_demo_1', lines: [{ itemId: item.id, qty: 1 }] }, members[index % members.length]),
    ),
  );
  const counts = tally(results.map(outcome));
  expect(counts).toEqual({ ok: 5, OUT_OF_STOCK: 195 });

  const shelf = await okHost<{ items: TCatalogItemView[] }>(urlFor(1), 'points', 'listShopItems', {}, STAFF);
  expect(shelf.items.find((candidate) => candidate.id === item.id)?.stock).toBe(0);
  const day = await okHost<{ pendingOrders: { total: number }[] }>(urlFor(0), 'points', 'listShopRedemptions', {}, STAFF);
  expect(day.pendingOrders.map((order) => order.total)).toEqual([3, 3, 3, 3, 3]);
  const summary = await okHost<{ held: number }>(urlFor(1), 'points', 'getSummary', { period: 'month' }, ADMIN);
  expect(summary.held).toBe(15);
  expect((await okHost<TLedgerReport>(urlFor(0), 'points', 'verifyLedger', {}, ADMIN)).problems).toEqual([]);
});
