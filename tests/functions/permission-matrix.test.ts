import { communityContract } from '../../src/shared/contracts/community';
import { pointsContract } from '../../src/shared/contracts/points';
import { requestsContract } from '../../src/shared/contracts/requests';
import { serviceContract } from '../../src/shared/contracts/service';
import { ledgersContract } from '../../src/shared/contracts/ledgers';
import { reportsContract } from '../../src/shared/contracts/reports';
import { deliberationsContract } from '../../src/shared/contracts/deliberations';
import type { FunctionName } from '../../src/shared/contracts';
import { DEFAULT_DISPATCH_POLICY } from '../../src/shared/domain/dispatch-policy';
import { DEFAULT_EARNING_RULES } from '../../src/shared/domain/points-rules';
import { PERMISSIONS, type ActionName } from '../../src/shared/domain/permissions';
import { AUDITED_ROLES } from '../../src/shared/domain/audit';
import { PRIVACY_POLICY_VERSION } from '../../src/shared/domain/privacy';
import { ROLES, type Role } from '../../src/shared/domain/roles';
import { SeedWriter } from '../../src/server/seed/seed-writer';
import { DEMO_CENTER, offset } from '../../src/server/seed/demo-data';
import { createTestWorld, fingerprint, type TestWorld } from '../support/test-runtime';
import { OTHER_ADMIN, OTHER_MEMBER, RESIDENT, RESIDENT_HOME, repairRequest, seedDemo } from '../support/fixtures';

/** One user per role holding only that role, so "allowed" never leaks through a second role. */
const MATRIX: Record<Role, string> = Object.fromEntries(ROLES.map((role) => [role, `matrix-${role}`])) as Record<Role, string>;

function seedMatrixUsers(world: TestWorld): void {
  const seed = new SeedWriter(world.local.store.db, world.clock.now());
  const home = offset(RESIDENT_HOME, 20, 20);
  seed.inTransaction(() => {
    for (const role of ROLES) {
      const userId = `u_matrix_${role}`;
      seed.user({ id: userId, openid: MATRIX[role], name: `矩阵${role}`, phone: '13512345678', communityId: 'c_demo', roles: [role], gridId: 'g_demo_1', home });
      if (role === 'member' || role === 'volunteer') seed.member({ userId, communityId: 'c_demo', gridId: 'g_demo_1', skills: ['水电维修'], home, kind: role });
    }
  });
  world.local.store.db.prepare(`INSERT INTO shop_staff (shop_id, user_id, joined_at) VALUES ('s_demo_1', 'u_matrix_shop_staff', 0)`).run();
  // Everyone who fits is offered at once, so the matrix member and volunteer always hold an offer.
  world.local.store.db.prepare(`UPDATE communities SET dispatch_policy = '{"batchSize":30}' WHERE id = 'c_demo'`).run();
}

type Foreign = 'own' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT';
interface Case {
  /** Sets up what the call needs (as far as the caller's role allows) and returns its input. */
  prepare: (world: TestWorld, caller: string, roles: readonly Role[], foreign: boolean) => Promise<Record<string, unknown>>;
  /** What a caller from another community gets when their roles allow the action at all. */
  foreign: Foreign;
  /** Callers holding any of these roles are refused by a rule of the action, with this code, wherever they are. */
  refusedWhen?: { roles: readonly Role[]; code: Exclude<Foreign, 'own'> };
}

const constant = (input: Record<string, unknown>): Case['prepare'] => async () => input;

async function submitAs(world: TestWorld, openid: string): Promise<string> {
  return (await world.ok('requests', 'submit', repairRequest(), openid)).id;
}
/** 张秀英's request whose words the (local) content check wants a person to read first: stored held. */
async function heldRequest(world: TestWorld): Promise<string> {
  return (await world.ok('requests', 'submit', repairRequest({ description: '楼道漏水一直没人管，大家准备集体讨说法' }), RESIDENT)).id;
}
/** The caller's own request when they are a resident of the demo community, else 张秀英's. */
const ownerFor = (caller: string, roles: readonly Role[], foreign: boolean) => (!foreign && roles.includes('resident') ? caller : RESIDENT);

/** 李红梅 starts with 77 points; the demo shop's staff member. */
const SAVER = 'demo-member-2';
const SHOP_STAFF = 'demo-shop-1';
const earner = (roles: readonly Role[]) => roles.includes('member') || roles.includes('volunteer');

async function grantPoints(world: TestWorld, openid: string, amount: number): Promise<void> {
  const user = await world.local.store.read((tx) => tx.users.getByOpenid(openid));
  if (!user) throw new Error(`no user ${openid}`);
  await world.ok('points', 'adjust', { clientToken: `grant-${user.id}`, memberId: user.id, amount, reason: '测试准备积分' }, 'demo-admin');
}

/** A project owned by the matrix grid worker, so both its owner's role and the admin may report on it. */
async function projectFor(world: TestWorld, milestonesDone = false): Promise<string> {
  const project = await world.ok(
    'ledgers',
    'createProject',
    { title: '三栋加装电梯', description: '为 3 栋加装电梯，方便老人出行', ownerDepartment: '街道城建科', ownerId: 'u_matrix_grid_worker', targetDate: '2027-06-30', milestones: [{ title: '完成设计', dueDate: '2027-01-31' }] },
    'demo-admin',
  );
  if (milestonesDone) await world.ok('ledgers', 'completeMilestone', { projectId: project.id, index: 0 }, 'demo-admin');
  return project.id;
}

const iso = (ms: number) => new Date(ms).toISOString();
const draftInput = (world: TestWorld) => ({
  title: '是否在 3 栋加装电梯',
  proposal: '由业主共同出资、政府补贴，在 3 栋加装一部电梯，费用按楼层分摊。',
  voteStartsAt: iso(world.clock.now()),
  voteEndsAt: iso(world.clock.now() + 3_600_000),
  quorumPercent: 50,
});

/** A whole-community deliberation of the demo community, taken to the asked-for step by its admin. */
async function deliberationAt(world: TestWorld, step: 'draft' | 'open' | 'closed' | 'decided'): Promise<string> {
  const { id } = await world.ok('deliberations', 'createDraft', draftInput(world), 'demo-admin');
  if (step === 'draft') return id;
  await world.ok('deliberations', 'publish', { deliberationId: id }, 'demo-admin');
  if (step === 'open') return id;
  world.clock.advanceMinutes(61);
  if (step === 'closed') return id;
  await world.ok('deliberations', 'decide', { deliberationId: id, decision: '同意加装电梯', actions: '下月启动招标' }, 'demo-admin');
  return id;
}

async function orderSoap(world: TestWorld, openid: string) {
  const receipt = await world.ok('points', 'placeOrder', { clientToken: `order-${openid}`, shopId: 's_demo_1', lines: [{ itemId: 'it_demo_soap', qty: 1 }] }, openid);
  return receipt.redemption;
}

/** The demo service point, and a spot inside its circle. */
const AT_SERVICE_POINT = offset(DEMO_CENTER, 40, 20);

function activityInput(world: TestWorld, startsInMinutes: number) {
  const startsAt = world.clock.now() + startsInMinutes * 60_000;
  return {
    title: '楼道清洁志愿活动',
    place: '幸福里小区 3 栋',
    location: AT_SERVICE_POINT,
    radiusM: 200,
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(startsAt + 2 * 3_600_000).toISOString(),
    capacity: 20,
    points: 5,
    skills: [],
  };
}

/** An activity of the demo community; when the caller is one of its members or volunteers, signed up (and checked in). */
async function activityFor(world: TestWorld, caller: string, roles: readonly Role[], foreign: boolean, steps: ('signUp' | 'checkIn')[] = []) {
  const activity = await world.ok('service', 'createActivity', activityInput(world, 10), 'demo-admin');
  if (!foreign && earner(roles)) {
    if (steps.includes('signUp')) await world.ok('service', 'signUp', { activityId: activity.id }, caller);
    if (steps.includes('checkIn')) await world.ok('service', 'checkInActivity', { activityId: activity.id, location: AT_SERVICE_POINT }, caller);
  }
  return activity.id;
}

const CASES: Record<ActionName, Case> = {
  'requests.submit': { prepare: async () => repairRequest(), foreign: 'own' },
  'requests.listMine': { prepare: constant({ limit: 5 }), foreign: 'own' },
  'requests.get': { prepare: async (world, caller, roles, foreign) => ({ requestId: await submitAs(world, ownerFor(caller, roles, foreign)) }), foreign: 'NOT_FOUND' },
  'requests.cancel': { prepare: async (world, caller, roles, foreign) => ({ requestId: await submitAs(world, ownerFor(caller, roles, foreign)) }), foreign: 'NOT_FOUND' },
  'requests.rate': {
    prepare: async (world, caller, roles, foreign) => {
      const requestId = await submitAs(world, ownerFor(caller, roles, foreign));
      await world.ok('requests', 'accept', { requestId }, MATRIX.member);
      await world.ok('requests', 'complete', { requestId, note: '已办好', photos: [] }, MATRIX.member);
      return { requestId, stars: 5 };
    },
    foreign: 'NOT_FOUND',
  },
  'requests.listOffers': { prepare: constant({}), foreign: 'own' },
  'requests.listTasks': { prepare: constant({ scope: 'open', limit: 5 }), foreign: 'own' },
  'requests.accept': { prepare: async (world) => ({ requestId: await submitAs(world, RESIDENT) }), foreign: 'FORBIDDEN' },
  'requests.decline': { prepare: async (world) => ({ requestId: await submitAs(world, RESIDENT) }), foreign: 'FORBIDDEN' },
  'requests.complete': {
    prepare: async (world, caller) => {
      const requestId = await submitAs(world, RESIDENT);
      await world.call('requests', 'accept', { requestId }, caller);
      return { requestId, note: '已经修好了' };
    },
    foreign: 'FORBIDDEN',
  },
  'requests.fileOnBehalf': { prepare: async () => ({ ...repairRequest(), residentId: 'u_demo_resident_1' }), foreign: 'FORBIDDEN' },
  'requests.findSimilar': { prepare: constant({ category: 'repair', location: RESIDENT_HOME }), foreign: 'own' },
  'requests.reopen': {
    prepare: async (world, caller, roles, foreign) => {
      const requestId = await submitAs(world, ownerFor(caller, roles, foreign));
      await world.ok('requests', 'accept', { requestId }, MATRIX.member);
      await world.ok('requests', 'complete', { requestId, note: '已办好', photos: [] }, MATRIX.member);
      return { requestId, reason: '水管还在漏水' };
    },
    foreign: 'NOT_FOUND',
  },
  'requests.listForStaff': { prepare: constant({ scope: 'open' }), foreign: 'own' },
  'requests.listCandidates': { prepare: async (world) => ({ requestId: await submitAs(world, RESIDENT) }), foreign: 'FORBIDDEN' },
  'requests.assign': { prepare: async (world) => ({ requestId: await submitAs(world, RESIDENT), memberId: 'u_demo_member_2' }), foreign: 'FORBIDDEN' },
  'requests.releaseHeld': { prepare: async (world) => ({ requestId: await heldRequest(world) }), foreign: 'FORBIDDEN' },
  'requests.rejectHeld': { prepare: async (world) => ({ requestId: await heldRequest(world), reason: '内容不属于求助范围' }), foreign: 'FORBIDDEN' },
  'requests.escalate': {
    prepare: async (world) => ({ requestId: await submitAs(world, RESIDENT), department: '物业公司', meetingDate: '2026-11-20', attendees: ['陈书记', '物业经理'], decision: '物业公司负责更换主水管' }),
    foreign: 'FORBIDDEN',
  },
  'requests.recordEscalation': {
    prepare: async (world) => {
      const requestId = await submitAs(world, RESIDENT);
      await world.ok('requests', 'escalate', { requestId, department: '物业公司', meetingDate: '2026-11-20', attendees: ['陈书记'], decision: '物业负责' }, 'demo-admin');
      return { requestId, answer: '已安排施工队', resolved: false };
    },
    foreign: 'FORBIDDEN',
  },
  'requests.getDispatchPolicy': { prepare: constant({}), foreign: 'own' },
  'requests.updateDispatchPolicy': { prepare: constant({ ...DEFAULT_DISPATCH_POLICY, batchSize: 4 }), foreign: 'own' },
  'points.getMine': { prepare: constant({ limit: 5 }), foreign: 'own' },
  'points.getRules': { prepare: constant({}), foreign: 'own' },
  'points.issueCode': { prepare: constant({}), foreign: 'own' },
  'points.listCatalog': { prepare: constant({}), foreign: 'own' },
  'points.placeOrder': {
    prepare: async (world, caller, roles, foreign) => {
      if (!foreign && earner(roles)) await grantPoints(world, caller, 50);
      return { clientToken: 'matrix-order-1', shopId: 's_demo_1', lines: [{ itemId: 'it_demo_soap', qty: 1 }] };
    },
    foreign: 'NOT_FOUND',
  },
  'points.cancelOrder': {
    prepare: async (world, caller, roles, foreign) => {
      const owner = !foreign && earner(roles) ? caller : SAVER;
      if (owner === caller) await grantPoints(world, caller, 50);
      return { orderId: (await orderSoap(world, owner)).id };
    },
    foreign: 'NOT_FOUND',
  },
  'points.listMyOrders': { prepare: constant({ limit: 5 }), foreign: 'own' },
  'points.inspectCode': { prepare: async (world) => ({ code: (await world.ok('points', 'issueCode', {}, SAVER)).code }), foreign: 'FORBIDDEN' },
  'points.redeem': {
    prepare: async (world) => ({ clientToken: 'matrix-redeem-1', code: (await world.ok('points', 'issueCode', {}, SAVER)).code, lines: [{ itemId: 'it_demo_soap', qty: 1 }] }),
    foreign: 'FORBIDDEN',
  },
  'points.confirmPickup': { prepare: async (world) => ({ code: (await orderSoap(world, SAVER)).pickupCode }), foreign: 'FORBIDDEN' },
  'points.listShopItems': { prepare: constant({}), foreign: 'FORBIDDEN' },
  'points.saveItem': { prepare: constant({ name: '矩阵商品', kind: 'goods', price: 5, stock: 3, monthlyLimit: null }), foreign: 'FORBIDDEN' },
  'points.listShopRedemptions': { prepare: constant({}), foreign: 'FORBIDDEN' },
  'points.refund': {
    prepare: async (world) => {
      const code = (await world.ok('points', 'issueCode', {}, SAVER)).code;
      const receipt = await world.ok('points', 'redeem', { clientToken: 'matrix-refund-1', code, lines: [{ itemId: 'it_demo_soap', qty: 1 }] }, SHOP_STAFF);
      return { redemptionId: receipt.redemption.id, reason: '顾客不要了' };
    },
    foreign: 'FORBIDDEN',
  },
  'points.getMemberLedger': { prepare: constant({ memberId: 'u_demo_member_2' }), foreign: 'FORBIDDEN' },
  'points.getSummary': { prepare: constant({}), foreign: 'own' },
  'points.adjust': { prepare: constant({ clientToken: 'matrix-adjust-1', memberId: 'u_demo_member_2', amount: 5, reason: '补录线下活动积分' }), foreign: 'FORBIDDEN' },
  'points.listAdjustments': { prepare: constant({}), foreign: 'own' },
  'points.updateRules': { prepare: constant({ ...DEFAULT_EARNING_RULES, ratingBonus: 4 }), foreign: 'own' },
  'points.verifyLedger': { prepare: constant({}), foreign: 'own' },
  'service.checkIn': { prepare: constant({ servicePointId: 'sp_demo_1', location: AT_SERVICE_POINT }), foreign: 'NOT_FOUND' },
  'service.checkOut': {
    prepare: async (world, caller, roles, foreign) => {
      if (!foreign && earner(roles)) await world.ok('service', 'checkIn', { servicePointId: 'sp_demo_1', location: AT_SERVICE_POINT }, caller);
      return { location: AT_SERVICE_POINT };
    },
    foreign: 'CONFLICT',
  },
  'service.getMyRecord': { prepare: constant({}), foreign: 'own' },
  'service.listOnDuty': { prepare: constant({}), foreign: 'own' },
  'service.createActivity': { prepare: async (world) => activityInput(world, 60), foreign: 'own' },
  'service.listActivities': { prepare: constant({}), foreign: 'own' },
  'service.getActivity': { prepare: async (world, caller, roles, foreign) => ({ activityId: await activityFor(world, caller, roles, foreign) }), foreign: 'NOT_FOUND' },
  'service.signUp': { prepare: async (world, caller, roles, foreign) => ({ activityId: await activityFor(world, caller, roles, foreign) }), foreign: 'NOT_FOUND' },
  'service.cancelSignUp': { prepare: async (world, caller, roles, foreign) => ({ activityId: await activityFor(world, caller, roles, foreign, ['signUp']) }), foreign: 'NOT_FOUND' },
  'service.checkInActivity': {
    prepare: async (world, caller, roles, foreign) => ({ activityId: await activityFor(world, caller, roles, foreign, ['signUp']), location: AT_SERVICE_POINT }),
    foreign: 'NOT_FOUND',
  },
  'service.checkOutActivity': {
    prepare: async (world, caller, roles, foreign) => ({ activityId: await activityFor(world, caller, roles, foreign, ['signUp', 'checkIn']), location: AT_SERVICE_POINT }),
    foreign: 'NOT_FOUND',
  },
  'service.getRoster': { prepare: async (world, caller, roles, foreign) => ({ activityId: await activityFor(world, caller, roles, foreign) }), foreign: 'NOT_FOUND' },
  'service.markLeave': {
    prepare: async (world) => {
      const activityId = await activityFor(world, SAVER, ['member'], false, ['signUp']);
      return { activityId, memberId: 'u_demo_member_2' };
    },
    foreign: 'NOT_FOUND',
  },
  'service.completeActivity': {
    prepare: async (world) => ({ activityId: (await world.ok('service', 'createActivity', activityInput(world, -10), 'demo-admin')).id }),
    foreign: 'NOT_FOUND',
  },
  'requests.listWishes': { prepare: constant({}), foreign: 'own' },
  'requests.claimWish': {
    prepare: async (world) => ({ requestId: (await world.ok('requests', 'submit', { ...repairRequest(), category: 'wish', description: '想请人帮忙理发，行动不便' }, RESIDENT)).id }),
    foreign: 'NOT_FOUND',
  },
  'ledgers.listDemand': { prepare: constant({ category: 'repair' }), foreign: 'own' },
  'ledgers.replySuggestion': {
    prepare: async (world) => ({ requestId: (await world.ok('requests', 'submit', { ...repairRequest(), category: 'suggestion' }, RESIDENT)).id, adopted: true, reply: '感谢建议，社区已采纳' }),
    foreign: 'FORBIDDEN',
  },
  'ledgers.createProject': {
    prepare: constant({ title: '老旧小区路灯改造', description: '更换 40 盏路灯', ownerDepartment: '街道城建科', targetDate: '2027-03-31', milestones: [{ title: '完成采购', dueDate: '2027-01-15' }] }),
    foreign: 'own',
  },
  'ledgers.listProjects': { prepare: constant({}), foreign: 'own' },
  'ledgers.getProject': { prepare: async (world) => ({ projectId: await projectFor(world) }), foreign: 'NOT_FOUND' },
  'ledgers.addProgress': { prepare: async (world) => ({ projectId: await projectFor(world), text: '本月完成设计招标', percent: 20 }), foreign: 'NOT_FOUND' },
  'ledgers.completeMilestone': { prepare: async (world) => ({ projectId: await projectFor(world), index: 0 }), foreign: 'NOT_FOUND' },
  'ledgers.writeOffProject': { prepare: async (world) => ({ projectId: await projectFor(world, true), note: '电梯已投入使用，居民满意' }), foreign: 'NOT_FOUND' },
  'ledgers.publishProject': { prepare: async (world) => ({ projectId: await projectFor(world), title: '小区加装电梯', summary: '社区协调住建部门为老楼加装电梯，分批推进' }), foreign: 'NOT_FOUND' },
  'ledgers.listPublished': { prepare: constant({}), foreign: 'own' },
  'ledgers.supportProject': { prepare: async (world) => ({ projectId: await projectFor(world) }), foreign: 'NOT_FOUND' },
  'ledgers.listOwners': { prepare: constant({}), foreign: 'own' },
  'reports.getStatistics': { prepare: constant({ period: '2026-10' }), foreign: 'own' },
  'reports.listEvaluations': { prepare: constant({ period: '2026-10' }), foreign: 'own' },
  'reports.recordEvaluation': { prepare: constant({ memberId: 'u_demo_member_2', period: '2026-10', grade: 'excellent', note: '表现突出' }), foreign: 'FORBIDDEN' },
  'reports.getMyEvaluations': { prepare: constant({}), foreign: 'own' },
  'reports.exportWorkbook': { prepare: constant({ kind: 'statistics', period: '2026-10' }), foreign: 'own' },
  'reports.listAuditLog': { prepare: constant({}), foreign: 'own' },
  'deliberations.createDraft': { prepare: async (world) => draftInput(world), foreign: 'own' },
  'deliberations.publish': { prepare: async (world) => ({ deliberationId: await deliberationAt(world, 'draft') }), foreign: 'NOT_FOUND' },
  'deliberations.list': { prepare: constant({}), foreign: 'own' },
  'deliberations.get': { prepare: async (world) => ({ deliberationId: await deliberationAt(world, 'open') }), foreign: 'NOT_FOUND' },
  'deliberations.vote': { prepare: async (world) => ({ deliberationId: await deliberationAt(world, 'open'), option: 0 }), foreign: 'NOT_FOUND' },
  'deliberations.comment': { prepare: async (world) => ({ deliberationId: await deliberationAt(world, 'open'), text: '赞成，老人上下楼太难了' }), foreign: 'NOT_FOUND' },
  'deliberations.decide': {
    prepare: async (world) => ({ deliberationId: await deliberationAt(world, 'closed'), decision: '同意加装电梯', actions: '下月启动招标' }),
    foreign: 'NOT_FOUND',
  },
  'deliberations.announce': { prepare: async (world) => ({ deliberationId: await deliberationAt(world, 'decided') }), foreign: 'NOT_FOUND' },
  'community.me': { prepare: constant({}), foreign: 'own' },
  'community.getMyGridWorker': { prepare: constant({}), foreign: 'own' },
  'community.listInbox': { prepare: constant({ limit: 5 }), foreign: 'own' },
  'community.markInboxRead': { prepare: constant({ ids: ['n_none'] }), foreign: 'own' },
  'community.grantSubscriptions': { prepare: constant({ templateKeys: ['task'] }), foreign: 'own' },
  'community.resolveScene': { prepare: constant({ scene: 'c=c_demo' }), foreign: 'own' },
  'community.join': { prepare: constant({ scene: 'c=c_demo', name: '新名字', phone: '13512345679' }), foreign: 'CONFLICT' },
  'community.getSettings': { prepare: constant({}), foreign: 'own' },
  'community.applyMember': {
    prepare: constant({ kind: 'volunteer', skills: ['助老陪护'], home: RESIDENT_HOME, gridId: 'g_demo_1', availableHours: ['weekend_day'] }),
    foreign: 'FORBIDDEN',
  },
  'community.getMyApplication': { prepare: constant({}), foreign: 'own' },
  'community.setOnLeave': { prepare: constant({ onLeave: true }), foreign: 'own' },
  'community.claimPost': { prepare: constant({ post: '便民服务', claim: true }), foreign: 'own' },
  'community.joinShop': { prepare: constant({ code: 'XFL2026A' }), foreign: 'FORBIDDEN' },
  'community.listApplications': { prepare: constant({}), foreign: 'own' },
  'community.reviewApplication': { prepare: constant({ userId: 'u_demo_applicant', decision: 'approve' }), foreign: 'FORBIDDEN' },
  'community.listMembers': { prepare: constant({ keyword: '王' }), foreign: 'own' },
  'community.listResidents': { prepare: constant({}), foreign: 'own' },
  'community.listGrids': { prepare: constant({}), foreign: 'own' },
  'community.createGrid': { prepare: constant({ name: '第三网格' }), foreign: 'own' },
  'community.assignGridWorker': { prepare: constant({ userId: 'u_demo_resident_2', gridId: 'g_demo_1' }), foreign: 'FORBIDDEN' },
  'community.listBuildings': { prepare: constant({}), foreign: 'own' },
  'community.createBuilding': { prepare: constant({ name: '幸福里小区 9 栋', gridId: 'g_demo_1' }), foreign: 'FORBIDDEN' },
  'community.listHouseholds': { prepare: constant({ keyword: '幸福里' }), foreign: 'own' },
  'community.createHousehold': { prepare: constant({ buildingId: 'b_demo_1', door: '5 单元 909' }), foreign: 'FORBIDDEN' },
  'community.listCentralHouseholds': { prepare: constant({}), foreign: 'own' },
  'community.saveCentralHousehold': { prepare: constant({ name: '8 栋中心户', gridId: 'g_demo_1', memberIds: ['u_demo_member_6'] }), foreign: 'FORBIDDEN' },
  'community.linkHouseholds': { prepare: constant({ memberId: 'u_demo_member_2', householdIds: ['h_demo_2'] }), foreign: 'FORBIDDEN' },
  'community.updateSettings': { prepare: constant({ skills: ['水电维修', '代跑代办'], posts: ['便民服务'] }), foreign: 'own' },
  'community.listShops': { prepare: constant({}), foreign: 'own' },
  'community.createShop': { prepare: constant({ name: '社区书吧', kind: 'book_bar' }), foreign: 'own' },
  'community.listServicePoints': { prepare: constant({}), foreign: 'own' },
  'community.saveServicePoint': {
    prepare: constant({ name: '邻里驿家', kind: 'neighbourhood_station', location: RESIDENT_HOME, radiusM: 100, openingHours: { weekdays: [1, 2, 3], open: '09:00', close: '17:00' } }),
    foreign: 'own',
  },
  'community.getQrCode': { prepare: constant({ kind: 'community', id: 'c_demo' }), foreign: 'FORBIDDEN' },
  'community.listCommunities': { prepare: constant({}), foreign: 'own' },
  'community.recordConsent': { prepare: constant({ kind: 'location', policyVersion: PRIVACY_POLICY_VERSION }), foreign: 'own' },
  'community.withdrawConsent': { prepare: constant({ kind: 'photos' }), foreign: 'own' },
  'community.getMyData': { prepare: constant({}), foreign: 'own' },
  'reports.exportMyData': { prepare: constant({}), foreign: 'own' },
  'community.checkDeletion': { prepare: constant({}), foreign: 'own' },
  // Staff must hand their role over before they leave.
  'community.revokeRole': { prepare: constant({ userId: 'u_demo_grid_1', role: 'grid_worker' }), foreign: 'FORBIDDEN' },
  'community.deleteAccount': { prepare: constant({ confirm: '注销' }), foreign: 'own', refusedWhen: { roles: AUDITED_ROLES, code: 'CONFLICT' } },
};

const CONTRACT_ACTIONS = [
  ...Object.keys(requestsContract).map((action) => `requests.${action}`),
  ...Object.keys(pointsContract).map((action) => `points.${action}`),
  ...Object.keys(communityContract).map((action) => `community.${action}`),
  ...Object.keys(serviceContract).map((action) => `service.${action}`),
  ...Object.keys(ledgersContract).map((action) => `ledgers.${action}`),
  ...Object.keys(reportsContract).map((action) => `reports.${action}`),
  ...Object.keys(deliberationsContract).map((action) => `deliberations.${action}`),
].sort();

test('the matrix covers every action of every contract, and the permission table names no other', () => {
  expect(Object.keys(CASES).sort()).toEqual(CONTRACT_ACTIONS);
  expect(Object.keys(PERMISSIONS).sort()).toEqual(CONTRACT_ACTIONS);
});

const FOREIGN: { openid: string; roles: Role[] }[] = [
  { openid: OTHER_ADMIN, roles: ['admin', 'resident'] },
  { openid: OTHER_MEMBER, roles: ['member', 'resident'] },
];

function split(action: ActionName): [FunctionName, string] {
  const [fn, name] = action.split('.');
  return [fn as FunctionName, name];
}

function permits(action: ActionName, roles: readonly Role[]): boolean {
  const allowed: readonly Role[] | 'anyone' | 'visitor' = PERMISSIONS[action];
  return allowed === 'anyone' || allowed === 'visitor' || roles.some((role) => allowed.includes(role));
}

let world: TestWorld;
beforeEach(() => {
  world = createTestWorld();
  seedDemo(world);
  seedMatrixUsers(world);
});
afterEach(() => world.close());

async function expectRefused(action: ActionName, openid: string, roles: readonly Role[], code: string, foreign = false) {
  const [fn, name] = split(action);
  const input = await CASES[action].prepare(world, openid, roles, foreign);
  const before = fingerprint(world);
  const result = await world.call(fn, name as never, input as never, openid);
  expect(result).toMatchObject({ ok: false, error: { code } });
  expect(fingerprint(world)).toBe(before);
}

async function expectAllowed(action: ActionName, openid: string, roles: readonly Role[], foreign = false) {
  const [fn, name] = split(action);
  const input = await CASES[action].prepare(world, openid, roles, foreign);
  const result = await world.call(fn, name as never, input as never, openid);
  if (!result.ok) throw new Error(`${action} as ${openid} should succeed, got ${result.error.code}: ${result.error.message}`);
}

const rows = (Object.keys(CASES) as ActionName[]).flatMap((action) => ROLES.map((role) => [action, role] as const));

const ruleRefusal = (action: ActionName, roles: readonly Role[]) => {
  const rule = CASES[action].refusedWhen;
  return rule && roles.some((role) => rule.roles.includes(role)) ? rule.code : null;
};

test.each(rows)('%s as %s', async (action, role) => {
  if (!permits(action, [role])) return expectRefused(action, MATRIX[role], [role], 'FORBIDDEN');
  const refusal = ruleRefusal(action, [role]);
  if (refusal) return expectRefused(action, MATRIX[role], [role], refusal);
  await expectAllowed(action, MATRIX[role], [role]);
});

const foreignRows = (Object.keys(CASES) as ActionName[]).flatMap((action) => FOREIGN.map((caller) => [action, caller.openid, caller.roles] as const));

test.each(foreignRows)('%s as %s of another community', async (action, openid, roles) => {
  if (!permits(action, roles)) return expectRefused(action, openid, roles, 'FORBIDDEN', true);
  const expected = ruleRefusal(action, roles) ?? CASES[action].foreign;
  if (expected === 'own') return expectAllowed(action, openid, roles, true);
  return expectRefused(action, openid, roles, expected, true);
});
