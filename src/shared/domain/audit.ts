import type { ActionName } from './permissions';
import type { Role } from './roles';

/** People whose writes are audited: those who act on others' records. */
export const AUDITED_ROLES: readonly Role[] = ['admin', 'grid_worker', 'shop_staff', 'district_viewer'];

/** 操作日志: the writes kept in the audit log, with what the log calls them. */
export const AUDITED_ACTIONS: Partial<Record<ActionName, string>> = {
  'requests.fileOnBehalf': '代办登记',
  'requests.assign': '人工派单',
  'requests.releaseHeld': '审核通过求助',
  'requests.rejectHeld': '驳回求助',
  'requests.escalate': '吹哨上报',
  'requests.recordEscalation': '登记部门答复',
  'requests.updateDispatchPolicy': '修改派单规则',
  'points.redeem': '到店兑换',
  'points.confirmPickup': '确认取货',
  'points.saveItem': '编辑商品',
  'points.refund': '退还积分',
  'points.adjust': '调整积分',
  'points.updateRules': '修改积分规则',
  'service.createActivity': '发布活动',
  'service.completeActivity': '结束活动并发放积分',
  'ledgers.replySuggestion': '答复建议',
  'ledgers.createProject': '民生实事立项',
  'ledgers.addProgress': '填报项目进展',
  'ledgers.completeMilestone': '完成项目节点',
  'ledgers.writeOffProject': '项目销账',
  'ledgers.publishProject': '公开项目',
  'reports.recordEvaluation': '定期评价',
  'reports.exportWorkbook': '导出表格',
  'deliberations.createDraft': '起草议事',
  'deliberations.publish': '发布议事',
  'deliberations.decide': '登记协商结果',
  'deliberations.announce': '公告议事结果',
  'community.reviewApplication': '审核申请',
  'community.createGrid': '新建网格',
  'community.assignGridWorker': '指定网格员',
  'community.createBuilding': '新建楼栋',
  'community.createHousehold': '新建住户',
  'community.saveCentralHousehold': '编辑党员中心户',
  'community.linkHouseholds': '分配联系户',
  'community.updateSettings': '修改社区设置',
  'community.createShop': '新建店铺',
  'community.saveServicePoint': '编辑服务点',
  'community.deleteAccount': '代居民注销账户',
  'community.revokeRole': '解除职务',
};

/** The record an entry is about: the first of these the input names. */
const TARGET_KEYS = ['requestId', 'projectId', 'memberId', 'userId', 'redemptionId', 'activityId', 'deliberationId', 'servicePointId', 'gridId', 'buildingId', 'shopId', 'itemId'] as const;
/** What else the log keeps of the input: plain choices and figures, never free text or contact details. */
const DETAIL_KEYS = ['kind', 'period', 'scope', 'amount', 'adopted', 'grade', 'department', 'index', 'percent', 'role'] as const;

export function isAudited(action: ActionName, roles: readonly Role[]): boolean {
  return AUDITED_ACTIONS[action] !== undefined && roles.some((role) => AUDITED_ROLES.includes(role));
}

/** Which record the input is about, and the few plain values worth keeping, as the log stores them. */
export function auditTarget(input: unknown): { targetId: string | null; detail: string } {
  const fields = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const target = TARGET_KEYS.map((key) => fields[key]).find((value): value is string => typeof value === 'string');
  const detail = DETAIL_KEYS.flatMap((key) => {
    const value = fields[key];
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? [`${key}=${String(value)}`] : [];
  }).join(' ');
  return { targetId: target ?? null, detail };
}
