import { CONSENT_PURPOSES } from '../../../shared/domain/privacy';
import { chinaTime } from '../reports/export-sheets';
import { buildWorkbook, type SheetSpec } from '../reports/workbook';
import type { ActionContext } from '../context';
import { collectPersonalData, type PersonalData } from './personal-data';
import { messageLines, orderLines, postingLines, profileOf, registrationOf, requestLines, serviceLines, taskLines, type DatedLine } from './personal-lines';

const datedSheet = (name: string, title: string, lines: DatedLine[]): SheetSpec => ({
  name,
  title,
  columns: [
    { header: '时间', key: 'at', width: 18 },
    { header: '内容', key: 'text', width: 60 },
  ],
  rows: lines.map((line) => ({ at: chinaTime(line.at), text: line.text })),
});

function sheetsOf(data: PersonalData, title: string): SheetSpec[] {
  const profile = profileOf(data);
  const registration = registrationOf(data);
  const facts: [string, string][] = [
    ['称呼', profile.name],
    ['手机号', profile.phone],
    ['地址', profile.address],
    ['社区', profile.communityName],
    ['网格', profile.gridName ?? ''],
    ['身份', profile.roles.join('、')],
    ['加入时间', chinaTime(profile.joinedAt)],
    ['住户', data.household?.address ?? ''],
    ['联系本户的党员', data.householdMembers.join('、')],
    ...(registration
      ? ([
          ['报到身份', `${registration.kind}（${registration.status}）`],
          ['工作单位', registration.workUnit],
          ['特长', registration.skills.join('、')],
          ['可服务时段', registration.availableHours.join('、')],
          ['认领岗位', registration.posts.join('、')],
          ['报到时间', chinaTime(registration.appliedAt)],
        ] as [string, string][])
      : []),
    ['积分余额', data.account ? String(data.account.balance) : ''],
    ['值守总时长（分钟）', String(data.dutyMinutes)],
  ];
  return [
    {
      name: '基本信息',
      title,
      columns: [
        { header: '项目', key: 'label', width: 18 },
        { header: '内容', key: 'value', width: 50 },
      ],
      rows: facts.map(([label, value]) => ({ label, value })),
    },
    {
      name: '求助记录',
      title: '我提交的求助',
      columns: [
        { header: '时间', key: 'at', width: 18 },
        { header: '类别', key: 'category', width: 12 },
        { header: '状态', key: 'state', width: 10 },
        { header: '内容', key: 'description', width: 40 },
        { header: '地址', key: 'address', width: 24 },
        { header: '联系人', key: 'contact', width: 20 },
        { header: '照片', key: 'photos', width: 6 },
        { header: '评价', key: 'rating', width: 24 },
      ],
      rows: requestLines(data).map((line) => ({ ...line, at: chinaTime(line.at) })),
    },
    datedSheet('服务任务', '我接办的任务', taskLines(data)),
    {
      name: '积分明细',
      title: '我的积分流水',
      columns: [
        { header: '时间', key: 'at', width: 18 },
        { header: '积分', key: 'amount', width: 8 },
        { header: '说明', key: 'text', width: 50 },
      ],
      rows: postingLines(data).map((line) => ({ ...line, at: chinaTime(line.at) })),
    },
    datedSheet('值守与活动', '我的值守和活动记录', serviceLines(data)),
    datedSheet('兑换记录', '我的积分兑换', orderLines(data)),
    {
      name: '授权记录',
      title: '我给出的授权',
      columns: [
        { header: '授权', key: 'label', width: 10 },
        { header: '用途', key: 'purpose', width: 50 },
        { header: '指引版本', key: 'version', width: 10 },
        { header: '同意时间', key: 'grantedAt', width: 18 },
        { header: '撤回时间', key: 'withdrawnAt', width: 18 },
      ],
      rows: data.consents.map((consent) => ({
        label: CONSENT_PURPOSES[consent.kind].label,
        purpose: consent.purpose,
        version: consent.policyVersion,
        grantedAt: chinaTime(new Date(consent.grantedAt).toISOString()),
        withdrawnAt: consent.withdrawnAt === null ? '' : chinaTime(new Date(consent.withdrawnAt).toISOString()),
      })),
    },
    datedSheet('消息', '发给我的消息', messageLines(data)),
  ];
}

/** 我的信息 as an Excel workbook: a sheet for each kind of record, every row of it. */
export async function exportMyData({ runtime, caller }: ActionContext) {
  const data = await runtime.store.read((tx) => collectPersonalData(tx, caller, { messages: true }));
  const day = chinaTime(new Date(runtime.clock.now()).toISOString()).slice(0, 10);
  const sheets = sheetsOf(data, `${caller.name} 的个人信息（${day} 导出）`);
  const bytes = await buildWorkbook(sheets);
  const fileName = `我的信息-${day}.xlsx`;
  const saved = await runtime.files.saveExport(fileName, bytes);
  const rows = sheets.reduce((total, sheet) => total + sheet.rows.length, 0);
  return { url: saved.url, fileName, rows, expiresAt: new Date(saved.expiresAt).toISOString() };
}
