import ExcelJS from 'exceljs';
import { CATEGORY_LABELS } from '../../src/shared/domain/categories';
import { join } from 'node:path';
import { exportsDir } from '../../src/server/host/local-exports';
import { PRIVACY_POLICY_VERSION } from '../../src/shared/domain/privacy';
import { createTestWorld, fingerprint, type TestWorld } from '../support/test-runtime';
import { LINKED_MEMBER, POLICY_MEMBER, RESIDENT, repairRequest, seedDemo } from '../support/fixtures';

let world: TestWorld;
beforeEach(() => {
  world = createTestWorld();
  seedDemo(world);
});
afterEach(() => world.close());

async function openExport(url: string): Promise<ExcelJS.Workbook> {
  const [token, name] = url.replace(/^\/exports\//, '').split('/');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(exportsDir(world.dataDir), token, decodeURIComponent(name)));
  return workbook;
}
const texts = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.slice(1).map(String) : []));

describe('我的信息: a person sees and exports what is held about them', () => {
  test('a resident sees their profile, household and the members who look after it, and their requests', async () => {
    await world.ok('requests', 'submit', repairRequest({ description: '厨房水龙头一直滴水，关不紧' }), RESIDENT);
    const mine = await world.ok('community', 'getMyData', {}, RESIDENT);
    expect(mine.profile).toMatchObject({ name: '张秀英', phone: '13800000001', communityName: expect.any(String), roles: ['居民'] });
    expect(mine.household).toEqual({ address: expect.stringContaining('2 单元 401'), linkedMembers: expect.arrayContaining(['王建国']) });
    expect(mine.requests.total).toBe(1);
    expect(mine.requests.recent[0]).toMatchObject({ category: CATEGORY_LABELS.repair, description: '厨房水龙头一直滴水，关不紧' });
    // Not a member: no points or service sections.
    expect(mine.points).toBeNull();
    expect(mine.service).toBeNull();
  });

  test('a member sees their registration, balance with its postings and their tasks', async () => {
    const request = await world.ok('requests', 'submit', repairRequest(), RESIDENT);
    await world.ok('requests', 'accept', { requestId: request.id }, LINKED_MEMBER);
    await world.ok('requests', 'complete', { requestId: request.id, note: '换了新的水管接头', photos: [] }, LINKED_MEMBER);
    const mine = await world.ok('community', 'getMyData', {}, LINKED_MEMBER);
    expect(mine.registration).toMatchObject({ kind: '党员', status: '已通过', skills: ['水电维修', '代跑代办'] });
    expect(mine.tasks.total).toBe(1);
    expect(mine.tasks.recent[0].text).toContain('换了新的水管接头');
    expect(mine.points?.recent[0]).toMatchObject({ amount: expect.any(Number), text: expect.stringContaining('完成求助') });
    expect(mine.points?.balance).toBe(mine.points?.recent.reduce((sum, line) => sum + line.amount, 0));
  });

  test('the export holds every record on its own sheet', async () => {
    for (let index = 0; index < 12; index++) await world.ok('requests', 'submit', repairRequest({ description: `第 ${index + 1} 件：楼道灯不亮了` }), RESIDENT).then((request) => world.ok('requests', 'cancel', { requestId: request.id }, RESIDENT));
    const shown = await world.ok('community', 'getMyData', {}, RESIDENT);
    expect(shown.requests.recent).toHaveLength(shown.recentLimit);
    const exported = await world.ok('reports', 'exportMyData', {}, RESIDENT);
    expect(exported.fileName).toMatch(/^我的信息-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = await openExport(exported.url);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['基本信息', '求助记录', '服务任务', '积分明细', '值守与活动', '兑换记录', '授权记录', '消息']);
    expect(texts(workbook.getWorksheet('基本信息')!)).toEqual(expect.arrayContaining(['张秀英', '13800000001']));
    // Title and header rows, then all 12 requests.
    expect(workbook.getWorksheet('求助记录')!.rowCount).toBe(14);
    expect(texts(workbook.getWorksheet('求助记录')!)).toContain('第 1 件：楼道灯不亮了');
  });
});

describe('consents: purpose and time of each, withdrawn and given again', () => {
  test('location consent is recorded once, withdrawn, and recorded again', async () => {
    world.clock.advanceMinutes(1);
    const first = await world.ok('community', 'recordConsent', { kind: 'location', policyVersion: PRIVACY_POLICY_VERSION }, RESIDENT);
    expect(first).toMatchObject({ recorded: true, consent: { kind: 'location', label: '位置信息', purpose: expect.stringContaining('派给附近的党员'), withdrawnAt: null } });
    world.clock.advanceMinutes(1);
    const again = await world.ok('community', 'recordConsent', { kind: 'location', policyVersion: PRIVACY_POLICY_VERSION }, RESIDENT);
    expect(again).toEqual({ recorded: false, consent: first.consent });

    expect(await world.ok('community', 'withdrawConsent', { kind: 'location' }, RESIDENT)).toEqual({ withdrawn: true });
    expect(await world.ok('community', 'withdrawConsent', { kind: 'location' }, RESIDENT)).toEqual({ withdrawn: false });
    const withdrawn = (await world.ok('community', 'getMyData', {}, RESIDENT)).consents;
    expect(withdrawn).toEqual([expect.objectContaining({ kind: 'location', withdrawnAt: new Date(world.clock.now()).toISOString() })]);

    world.clock.advanceMinutes(1);
    expect((await world.ok('community', 'recordConsent', { kind: 'location', policyVersion: PRIVACY_POLICY_VERSION }, RESIDENT)).recorded).toBe(true);
    expect((await world.ok('community', 'getMyData', {}, RESIDENT)).consents).toEqual([
      expect.objectContaining({ kind: 'location', grantedAt: new Date(world.clock.now()).toISOString(), withdrawnAt: null }),
    ]);
  });

  test('joining records the phone consent; a consent to an outdated guide is refused and changes nothing', async () => {
    await world.ok('community', 'join', { scene: 'c=c_demo', name: '新邻居', phone: '13512340000' }, 'new-neighbour');
    expect((await world.ok('community', 'getMyData', {}, 'new-neighbour')).consents).toEqual([expect.objectContaining({ kind: 'phone', label: '手机号', policyVersion: PRIVACY_POLICY_VERSION })]);

    const before = fingerprint(world);
    // The phone number is how members reach the person: it goes with 注销, not by a withdrawal.
    expect(await world.call('community', 'withdrawConsent', { kind: 'phone' }, 'new-neighbour')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: '手机号用于党员上门联系您，不想再留请注销账户' },
    });
    expect(await world.call('community', 'recordConsent', { kind: 'photos', policyVersion: '2020-01' }, POLICY_MEMBER)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: '隐私保护指引已更新，请重新打开小程序' },
    });
    expect(fingerprint(world)).toBe(before);
  });
});
