/**
 * A local host killed with SIGKILL in the middle of a redemption load, then restarted on the same
 * data: the ledger invariants hold (checked by the admin action and by `npm run ledger:verify`),
 * every redemption the till was told about is there, and the stock matches what was sold.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TLedgerReport, TReceipt } from '../../src/shared/contracts/points';
import { callHost, okHost, startHostProcess, stopHostProcess, type HostProcess } from '../support/host-process';

jest.setTimeout(120_000);

const ADMIN = 'demo-admin';
const STAFF = 'demo-shop-1';
const MEMBERS = Array.from({ length: 11 }, (_, index) => `demo-member-${index + 2}`);
const SOAP = 'it_demo_soap'; // 10 points, stock 100
const TEA = 'it_demo_tea'; // 8 points, a service without stock
const ACKS_BEFORE_KILL = 60;
const MAX_SALES_PER_WORKER = 2_000;

interface Acknowledged {
  clientToken: string;
  code: string;
  lines: { itemId: string; qty: number }[];
  redemptionId: string;
}

let dataDir: string;
const started: HostProcess[] = [];

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'daiban-crash-'));
});
afterAll(async () => {
  for (const host of started) await stopHostProcess(host, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** One till worker: keeps scanning a member's fresh code and selling until the host dies. */
async function sellUntilKilled(url: string, member: string, worker: number, acknowledged: Acknowledged[], onAck: () => void): Promise<number> {
  let attempts = 0;
  for (let sale = 0; sale < MAX_SALES_PER_WORKER; sale++) {
    attempts++;
    try {
      const issued = await callHost<{ code: string }>(url, 'points', 'issueCode', {}, member);
      if (!issued.ok) continue;
      const input = { clientToken: `crash-${worker}-${sale}`, code: issued.data.code, lines: [{ itemId: sale % 2 === 0 ? SOAP : TEA, qty: 1 }] };
      const result = await callHost<TReceipt>(url, 'points', 'redeem', input, STAFF);
      if (result.ok) {
        acknowledged.push({ ...input, redemptionId: result.data.redemption.id });
        onAck();
      }
    } catch {
      return attempts; // the host is gone
    }
  }
  throw new Error(`worker ${worker} sold ${MAX_SALES_PER_WORKER} times and the host never died`);
}

test('SIGKILL during a redemption load loses nothing acknowledged and leaves the ledger balanced', async () => {
  const first = await startHostProcess(dataDir, { SCHEDULER_INTERVAL_MS: '3600000' });
  started.push(first);
  for (const [index, member] of MEMBERS.entries()) {
    await okHost(first.url, 'points', 'adjust', { clientToken: `crash-topup-${index}`, memberId: `u_demo_member_${index + 2}`, amount: 400, reason: '压力测试准备积分' }, ADMIN);
    expect(member).toBe(`demo-member-${index + 2}`);
  }

  const acknowledged: Acknowledged[] = [];
  let killed = false;
  const kill = () => {
    if (killed || acknowledged.length < ACKS_BEFORE_KILL) return;
    killed = true;
    first.child.kill('SIGKILL'); // mid-flight: other workers have calls on the wire right now
  };
  const attempts = await Promise.all(MEMBERS.slice(0, 8).map((member, worker) => sellUntilKilled(first.url, member, worker, acknowledged, kill)));
  expect(killed).toBe(true);
  expect(attempts.reduce((sum, count) => sum + count, 0)).toBeGreaterThan(acknowledged.length);

  const second = await startHostProcess(dataDir, { SCHEDULER_INTERVAL_MS: '3600000' });
  started.push(second);
  expect(second.output()).toContain('使用已有数据');
  expect((await okHost<TLedgerReport>(second.url, 'points', 'verifyLedger', {}, ADMIN)).problems).toEqual([]);

  // Every acknowledged sale is there: retrying it answers the same redemption instead of selling again.
  for (const sale of acknowledged) {
    const retried = await okHost<TReceipt>(second.url, 'points', 'redeem', { clientToken: sale.clientToken, code: sale.code, lines: sale.lines }, STAFF);
    expect(retried.redemption.id).toBe(sale.redemptionId);
  }
  await stopHostProcess(second, 'SIGTERM');

  const db = new Database(join(dataDir, 'daiban.sqlite'), { readonly: true });
  try {
    const stock = (db.prepare('SELECT stock FROM catalog_items WHERE id = ?').get(SOAP) as { stock: number }).stock;
    const sold = (db.prepare(`SELECT COALESCE(SUM(l.qty), 0) AS n FROM redemption_lines l JOIN redemptions r ON r.id = l.redemption_id WHERE l.item_id = ? AND r.status = 'completed'`).get(SOAP) as { n: number }).n;
    expect(stock + sold).toBe(100);
    const stored = (db.prepare('SELECT COUNT(*) AS n FROM redemptions').get() as { n: number }).n;
    expect(stored).toBeGreaterThanOrEqual(acknowledged.length);
  } finally {
    db.close();
  }

  const verify = spawnSync(process.execPath, [require.resolve('tsx/cli'), 'scripts/verify-ledger.ts'], { cwd: resolve(__dirname, '../..'), env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' });
  expect(verify.stdout).toContain('结果：账目平衡，没有发现问题。');
  expect(verify.status).toBe(0);
});
