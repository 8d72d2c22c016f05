import { REVOCABLE_ROLES, ROLE_LABELS, type Role } from './roles';

/**
 * 用户隐私保护指引: what the product collects, why, and the consents it keeps. The privacy page shows
 * this text and the mini-program's guide in the WeChat console must say the same (see
 * `docs/privacy-guide.md`); `requiredPrivateInfos` in app.config declares only what is listed here.
 */

/** Bumped whenever the guide's substance changes; each consent records the version it was given to. */
export const PRIVACY_POLICY_VERSION = '2026-12';

export const CONSENT_KINDS = ['location', 'phone', 'photos'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];
/** The phone number is how members reach the person at all: the way to stop that is 注销, not a withdrawal. */
export const WITHDRAWABLE_CONSENTS = ['location', 'photos'] as const satisfies readonly ConsentKind[];

export interface ConsentPurpose {
  /** What is collected, as the guide names it. */
  label: string;
  /** Why, in the words the person agreed to. */
  purpose: string;
  /** When it is asked for. */
  when: string;
}

export const CONSENT_PURPOSES: Record<ConsentKind, ConsentPurpose> = {
  location: {
    label: '位置信息',
    purpose: '把求助派给附近的党员，记录党员的服务范围和到服务点、活动现场签到的位置',
    when: '您点“使用当前位置”或扫码签到时',
  },
  phone: {
    label: '手机号',
    purpose: '接单的党员和网格员联系您办理求助',
    when: '您加入社区填写手机号时',
  },
  photos: {
    label: '照片',
    purpose: '说明求助情况、记录办结情况和微心愿',
    when: '您点“添加照片”选择或拍摄照片时',
  },
};

/** The guide's sections, in the order the privacy page shows them. */
export const PRIVACY_GUIDE: readonly { title: string; paragraphs: readonly string[] }[] = [
  {
    title: '我们收集哪些信息',
    paragraphs: [
      '加入社区时：您的称呼、手机号、所在楼栋和门牌号。',
      '提交求助时：求助内容、地址、联系人、位置和您选择的照片。',
      '党员、志愿者报到时：工作单位、特长、可服务时段和服务范围的位置；值守签到、活动签到的时间和地点；获得和使用的积分。',
    ],
  },
  {
    title: '谁能看到',
    paragraphs: [
      '您的求助只给接单的党员、您所在网格的网格员和社区工作人员看。',
      '矛盾调解、上门探访、心理疏导等求助不会公开；社区公开的民生实事只写工作人员另拟的标题和摘要，不写您的姓名、地址、电话、照片和原话。',
      '我们不把您的信息提供给其他单位；需要部门办理的事项（吹哨），只转交办理所需的内容。',
    ],
  },
  {
    title: '保存多久',
    paragraphs: [
      '账户存在期间保存。您注销后，姓名、手机号、地址、位置、照片和您写的内容会被删除；社区台账需要保留的记录（积分流水、求助办理记录、签到记录）只保留“已注销用户”，不再能认出是您。',
      '工作人员的操作日志按规定保留，不能修改。',
    ],
  },
  {
    title: '您的权利',
    paragraphs: [
      '在“我的 → 我的信息”查看我们保存的您的全部信息，并导出一份表格。',
      '随时撤回位置、照片的授权；撤回后相关功能需要时会再次询问。手机号是党员上门联系您所必需的，不想再留可以注销账户。',
      '在“我的 → 我的信息 → 注销账户”删除账户；没有手机的居民可以请社区工作人员代为注销。',
    ],
  },
  {
    title: '联系我们',
    paragraphs: ['对个人信息有疑问，可以到社区党群服务中心或联系您的网格员。'],
  },
];

/** What an erased person is called wherever a ledger still refers to them. */
export const DEPARTED_NAME = '已注销用户';

/** What stands in for the words a departed person wrote. */
export const ERASED_TEXT = '（内容已随账户注销删除）';

/** What stops an account from being deleted now: each counted thing must be settled first. */
export interface DeletionBlockers {
  openRequests: number;
  openTasks: number;
  pendingOrders: number;
  onDuty: boolean;
  upcomingActivities: number;
  /** Roles held for the community (管理员, 网格员, 店员…) that someone else must take over first. */
  staffRoles: readonly Role[];
}

/** The reasons, in Chinese, an account cannot be deleted yet; empty when it can. */
export function deletionRefusals(blockers: DeletionBlockers, self: boolean): string[] {
  const who = self ? '您' : '该居民';
  const reasons: string[] = [];
  const revocable = blockers.staffRoles.filter((role) => (REVOCABLE_ROLES as readonly Role[]).includes(role));
  const appointed = blockers.staffRoles.filter((role) => !revocable.includes(role));
  const labels = (roles: readonly Role[]) => roles.map((role) => ROLE_LABELS[role]).join('、');
  if (revocable.length > 0) reasons.push(`${who}还担任${labels(revocable)}，请先由社区管理员解除后再注销`);
  if (appointed.length > 0) reasons.push(`${who}还担任${labels(appointed)}，请先由街道把职务移交给他人后再注销`);
  if (blockers.openRequests > 0) reasons.push(`${who}还有 ${blockers.openRequests} 件求助没有办结，请先取消或等办结后再注销`);
  if (blockers.openTasks > 0) reasons.push(`${who}还有 ${blockers.openTasks} 件任务正在办理，请先办结或请社区改派`);
  if (blockers.pendingOrders > 0) reasons.push(`${who}还有 ${blockers.pendingOrders} 笔兑换订单没有取货，请先取货或取消订单`);
  if (blockers.onDuty) reasons.push(`${who}正在值守，请先签退`);
  if (blockers.upcomingActivities > 0) reasons.push(`${who}报名了 ${blockers.upcomingActivities} 个还没结束的活动，请先取消报名`);
  return reasons;
}

/**
 * The guide as the WeChat console's 用户隐私保护指引 form takes it (docs/privacy-guide.md is this text;
 * a test keeps the two the same): for each private API the app declares, what it collects and why.
 */
export function privacyGuideMarkdown(): string {
  const lines = [
    `# 党员代办用户隐私保护指引（版本 ${PRIVACY_POLICY_VERSION}）`,
    '',
    '填写小程序后台“设置 → 服务内容声明 → 用户隐私保护指引”时照此填写；应用内“我的 → 隐私保护指引”显示同样的内容。',
    '',
    '## 收集的信息和用途',
    '',
    ...CONSENT_KINDS.map((kind) => `- **${CONSENT_PURPOSES[kind].label}**：${CONSENT_PURPOSES[kind].purpose}。（${CONSENT_PURPOSES[kind].when}）`),
    '',
  ];
  for (const section of PRIVACY_GUIDE) lines.push(`## ${section.title}`, '', ...section.paragraphs.map((paragraph) => `- ${paragraph}`), '');
  return lines.join('\n');
}
