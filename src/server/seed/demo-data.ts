import type Database from 'better-sqlite3';
import type { LatLng } from '../../shared/domain/geo';
import { generateActivity } from './generate-activity';
import { SeedWriter } from './seed-writer';

export const DEMO_COMMUNITY_ID = 'c_demo';
export const DEMO_CENTER: LatLng = { lat: 30.657, lng: 104.08 };

/** Metres north/east of the community centre → a point (about 111 km per degree of latitude). */
export function offset(center: LatLng, northM: number, eastM: number): LatLng {
  const lat = center.lat + northM / 111_320;
  const lng = center.lng + eastM / (111_320 * Math.cos((center.lat * Math.PI) / 180));
  return { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6 };
}

const MEMBERS: { name: string; skills: string[]; grid: 1 | 2; north: number; east: number; phone: string }[] = [
  { name: '王建国', skills: ['水电维修', '代跑代办'], grid: 1, north: 180, east: 120, phone: '13900000001' },
  { name: '李红梅', skills: ['政策咨询', '代跑代办'], grid: 1, north: 420, east: -260, phone: '13900000002' },
  { name: '张志强', skills: ['水电维修'], grid: 1, north: 750, east: 380, phone: '13900000003' },
  { name: '刘淑芬', skills: ['助老陪护', '心理疏导'], grid: 1, north: 260, east: 640, phone: '13900000004' },
  { name: '陈德明', skills: ['法律援助', '矛盾调解'], grid: 1, north: 980, east: -120, phone: '13900000005' },
  { name: '杨秀兰', skills: ['医疗健康', '助老陪护'], grid: 1, north: 60, east: -520, phone: '13900000006' },
  { name: '赵卫东', skills: ['水电维修', '助老陪护'], grid: 2, north: -300, east: 200, phone: '13900000007' },
  { name: '黄丽华', skills: ['政策咨询', '法律援助'], grid: 2, north: -640, east: -380, phone: '13900000008' },
  { name: '周国庆', skills: ['代跑代办', '矛盾调解'], grid: 2, north: -900, east: 520, phone: '13900000009' },
  { name: '吴桂英', skills: ['心理疏导', '医疗健康'], grid: 2, north: -1200, east: -700, phone: '13900000010' },
  { name: '徐海涛', skills: ['水电维修', '代跑代办'], grid: 2, north: -1500, east: 900, phone: '13900000011' },
  { name: '孙玉兰', skills: ['助老陪护', '代跑代办'], grid: 2, north: -1900, east: -300, phone: '13900000012' },
];

const BUILDINGS: { id: string; grid: 1 | 2; name: string }[] = [
  { id: 'b_demo_1', grid: 1, name: '幸福里小区 3 栋' },
  { id: 'b_demo_2', grid: 1, name: '幸福里小区 8 栋' },
  { id: 'b_demo_3', grid: 2, name: '和平苑 5 栋' },
  { id: 'b_demo_4', grid: 2, name: '和平苑 12 栋' },
];

const RESIDENTS: { name: string; building: number; door: string; north: number; east: number; phone: string }[] = [
  { name: '张秀英', building: 0, door: '2 单元 401', north: 150, east: 90, phone: '13800000001' },
  { name: '李建华', building: 1, door: '1 单元 202', north: 500, east: 200, phone: '13800000002' },
  { name: '王桂兰', building: 2, door: '3 单元 601', north: -420, east: 150, phone: '13800000003' },
  { name: '赵明', building: 3, door: '1 单元 101', north: -800, east: -200, phone: '13800000004' },
];

/**
 * Neighbours of the demo community who are not on the login picker (their openids do not start with
 * `demo-`) and who make its last six months: residents of four more buildings, kept 250 m and more from
 * the demo residents' homes, and 在职党员 who report to the community and took their requests. The demo
 * users themselves have no history, so their balances, tasks, requests and inboxes start as the README says.
 */
const HISTORY_BUILDINGS: { id: string; grid: 1 | 2; name: string; north: number; east: number }[] = [
  { id: 'b_demo_5', grid: 1, name: '幸福里小区 1 栋', north: 330, east: 430 },
  { id: 'b_demo_6', grid: 1, name: '幸福里小区 6 栋', north: 640, east: -90 },
  { id: 'b_demo_7', grid: 2, name: '和平苑 2 栋', north: -580, east: 430 },
  { id: 'b_demo_8', grid: 2, name: '和平苑 9 栋', north: -1020, east: -430 },
];

const HISTORY_RESIDENTS = Array.from('周吴郑冯陈褚卫蒋沈韩杨朱秦尤许何吕施孔曹严华金魏陶姜谢邹喻柏窦章');
const HISTORY_GIVEN = ['秀珍', '玉梅', '德福', '淑华', '长林', '凤英', '家宝', '丽娟'];

const HISTORY_MEMBERS: { name: string; skills: string[]; grid: 1 | 2; north: number; east: number; workUnit: string }[] = [
  { name: '何志刚', skills: ['水电维修', '代跑代办'], grid: 1, north: 380, east: 300, workUnit: '区住建局' },
  { name: '罗美玲', skills: ['助老陪护', '医疗健康'], grid: 1, north: 560, east: 60, workUnit: '区卫健局' },
  { name: '梁秀珍', skills: ['政策咨询', '心理疏导'], grid: 1, north: 820, east: -300, workUnit: '区人社局' },
  { name: '唐立新', skills: ['水电维修', '矛盾调解'], grid: 1, north: 120, east: 560, workUnit: '退休党员' },
  { name: '林晓东', skills: ['水电维修'], grid: 2, north: -700, east: 300, workUnit: '区城管局' },
  { name: '郭立军', skills: ['矛盾调解', '法律援助'], grid: 2, north: -880, east: -520, workUnit: '区司法局' },
  { name: '宋国华', skills: ['代跑代办', '助老陪护'], grid: 2, north: -450, east: 620, workUnit: '街道办事处' },
  { name: '韩春梅', skills: ['政策咨询', '代跑代办'], grid: 2, north: -1150, east: -200, workUnit: '区民政局' },
];

const HISTORY_DAYS = 183;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Requests of the demo community's last six months; see {@link seedDemoHistory}. */
export const DEMO_HISTORY_REQUESTS = 180;

/**
 * Six months of the demo community before `now` (about 30 requests a month), written by `generateActivity`:
 * mostly done and rated, some cancelled, a few still in hand or waiting for the resident's rating, with
 * their timelines, offers, suggestion replies and the points the earning rules award. Nothing in it is
 * waiting on the scheduler: no open offers, no needs_manual, no escalation or project, no hold.
 */
export function seedDemoHistory(db: Database.Database, now: number): void {
  const since = now - HISTORY_DAYS * DAY_MS;
  // The neighbours were here before their history: registered a week before it starts.
  const seed = new SeedWriter(db, since - 7 * DAY_MS);
  const c = DEMO_COMMUNITY_ID;
  const residentIds: string[] = [];
  const memberIds: string[] = [];
  const householdsByGrid: Record<1 | 2, string[]> = { 1: [], 2: [] };
  HISTORY_BUILDINGS.forEach((building, b) => {
    seed.building({ id: building.id, communityId: c, gridId: `g_demo_${building.grid}`, name: building.name });
    for (let n = 0; n < 8; n++) {
      const number = b * 8 + n + 1;
      const householdId = `h_demo_${number + RESIDENTS.length}`;
      const address = `${building.name} ${1 + (n % 2)} 单元 ${2 + Math.floor(n / 2)}0${1 + (n % 2)}`;
      const gridId = `g_demo_${building.grid}`;
      seed.household({ id: householdId, communityId: c, gridId, buildingId: building.id, address });
      householdsByGrid[building.grid].push(householdId);
      const userId = `u_demo_neighbour_${number}`;
      seed.user({
        id: userId,
        openid: `neighbour-${number}`,
        name: HISTORY_RESIDENTS[number - 1] + HISTORY_GIVEN[(number * 3) % HISTORY_GIVEN.length],
        phone: `1381000${String(number).padStart(4, '0')}`,
        communityId: c,
        roles: ['resident'],
        gridId,
        householdId,
        address,
        home: offset(DEMO_CENTER, building.north + (n % 4) * 6, building.east + Math.floor(n / 4) * 8),
      });
      residentIds.push(userId);
    }
  });
  HISTORY_MEMBERS.forEach((member, index) => {
    const userId = `u_demo_reporting_${index + 1}`;
    const gridId = `g_demo_${member.grid}`;
    const home = offset(DEMO_CENTER, member.north, member.east);
    seed.user({ id: userId, openid: `reporting-member-${index + 1}`, name: member.name, phone: `1391000${String(index + 1).padStart(4, '0')}`, communityId: c, roles: ['member', 'resident'], gridId, home });
    // 1+5+15: each looks after four households of the new buildings in the same grid.
    const grid = householdsByGrid[member.grid];
    const start = (Math.floor(index / 2) % 4) * 4;
    seed.member({ userId, communityId: c, gridId, skills: member.skills, home, workUnit: member.workUnit, linkedHouseholds: grid.slice(start, start + 4) });
    memberIds.push(userId);
  });
  generateActivity(db, {
    seed: 2026,
    communityIds: [c],
    from: since,
    to: now,
    requests: DEMO_HISTORY_REQUESTS,
    residentIds,
    memberIds,
    mix: { cancelled: 0.07, accepted: 0.03, completed: 0.15, rated: 0.75 },
    lifelike: true,
  });
}

/**
 * One community with two grids, four buildings, a dozen members spread over ~2 km, four residents, an admin,
 * a grid worker, a points supermarket with its clerk, a service point and a pending application; plus a
 * second community of the same district and a district-level viewer. With `history` (the default, as
 * `npm start` seeds it), also the community's last six months ({@link seedDemoHistory}); tests that count
 * rows of their own leave it out.
 */
export function seedDemoData(db: Database.Database, now: number, options: { history?: boolean } = {}): boolean {
  const existing = db.prepare('SELECT COUNT(*) AS n FROM communities').get() as { n: number };
  if (existing.n > 0) return false;
  const seed = new SeedWriter(db, now);
  const c = DEMO_COMMUNITY_ID;
  seed.inTransaction(() => {
    seed.community({ id: c, name: '幸福里社区', center: DEMO_CENTER });
    seed.grid({ id: 'g_demo_1', communityId: c, name: '第一网格（幸福里小区）' });
    seed.grid({ id: 'g_demo_2', communityId: c, name: '第二网格（和平苑）' });
    for (const building of BUILDINGS) seed.building({ id: building.id, communityId: c, gridId: `g_demo_${building.grid}`, name: building.name });

    RESIDENTS.forEach((resident, index) => {
      const householdId = `h_demo_${index + 1}`;
      const building = BUILDINGS[resident.building];
      const gridId = `g_demo_${building.grid}`;
      const address = `${building.name} ${resident.door}`;
      seed.household({ id: householdId, communityId: c, gridId, buildingId: building.id, address });
      seed.user({
        id: `u_demo_resident_${index + 1}`,
        openid: `demo-resident-${index + 1}`,
        name: resident.name,
        phone: resident.phone,
        communityId: c,
        roles: ['resident'],
        gridId,
        householdId,
        address,
        home: offset(DEMO_CENTER, resident.north, resident.east),
      });
    });

    MEMBERS.forEach((member, index) => {
      const userId = `u_demo_member_${index + 1}`;
      const gridId = `g_demo_${member.grid}`;
      const home = offset(DEMO_CENTER, member.north, member.east);
      seed.user({ id: userId, openid: `demo-member-${index + 1}`, name: member.name, phone: member.phone, communityId: c, roles: ['member', 'resident'], gridId, home });
      // 王建国 is the central-household member linked to 张秀英's home; 赵卫东 to 王桂兰's.
      const linkedHouseholds = index === 0 ? ['h_demo_1', 'h_demo_2'] : index === 6 ? ['h_demo_3', 'h_demo_4'] : [];
      seed.member({ userId, communityId: c, gridId, skills: member.skills, home, linkedHouseholds, workUnit: '区属单位' });
    });
    seed.centralHousehold({ id: 'ch_demo_1', communityId: c, gridId: 'g_demo_1', name: '幸福里 3 栋党员中心户', householdId: 'h_demo_1', memberIds: ['u_demo_member_1', 'u_demo_member_2', 'u_demo_member_3', 'u_demo_member_4', 'u_demo_member_5'] });

    seed.user({ id: 'u_demo_admin', openid: 'demo-admin', name: '陈书记', phone: '13700000001', communityId: c, roles: ['admin', 'resident'] });
    seed.user({ id: 'u_demo_grid_1', openid: 'demo-gridworker-1', name: '刘网格员', phone: '13700000002', communityId: c, roles: ['grid_worker', 'resident'], gridId: 'g_demo_1' });
    seed.user({ id: 'u_demo_shop_1', openid: 'demo-shop-1', name: '马店员', phone: '13700000003', communityId: c, roles: ['shop_staff', 'resident'] });
    seed.shop({ id: 's_demo_1', communityId: c, name: '幸福里积分超市', kind: 'supermarket', inviteCode: 'XFL2026A', description: '社区党群服务中心一楼', staffIds: ['u_demo_shop_1'] });
    // The supermarket's shelf, and points carried over from the paper ledger (王建国 starts at 0 for the walkthrough).
    const items: [string, string, 'goods' | 'service', number, number | null, number | null][] = [
      ['it_demo_rice', '东北大米 5 斤', 'goods', 60, 20, 1],
      ['it_demo_oil', '菜籽油 1 升', 'goods', 50, 15, 1],
      ['it_demo_soap', '洗衣皂 2 块', 'goods', 10, 100, null],
      ['it_demo_towel', '毛巾', 'goods', 15, 40, 2],
      ['it_demo_haircut', '理发一次', 'service', 20, null, 2],
      ['it_demo_tea', '茶吧下午茶', 'service', 8, null, null],
    ];
    for (const [id, name, kind, price, stock, monthlyLimit] of items) {
      seed.catalogItem({ id, shopId: 's_demo_1', communityId: c, name, kind, price, stock, monthlyLimit });
    }
    MEMBERS.forEach((_, index) => {
      if (index > 0) seed.openingPoints({ communityId: c, memberId: `u_demo_member_${index + 1}`, amount: 40 + ((index * 37) % 120) });
    });
    seed.servicePoint({
      id: 'sp_demo_1',
      communityId: c,
      name: '幸福里党群服务中心',
      kind: 'service_center',
      location: offset(DEMO_CENTER, 30, 20),
      radiusM: 150,
      openingHours: { weekdays: [1, 2, 3, 4, 5, 6], open: '08:30', close: '18:00' },
    });

    // A resident who has applied to register as a party member, waiting for the admin.
    const applicantHome = offset(DEMO_CENTER, 320, -150);
    seed.user({ id: 'u_demo_applicant', openid: 'demo-applicant-1', name: '钱志远', phone: '13600000001', communityId: c, roles: ['resident'], gridId: 'g_demo_1', home: applicantHome });
    seed.member({ userId: 'u_demo_applicant', communityId: c, gridId: 'g_demo_1', skills: ['代跑代办', '政策咨询'], home: applicantHome, status: 'pending', workUnit: '区税务局' });

    // A second community of the same district, and a district-level viewer.
    seed.community({ id: 'c_demo_2', name: '和谐家园社区', center: offset(DEMO_CENTER, 3000, 2500) });
    seed.grid({ id: 'g_demo_3', communityId: 'c_demo_2', name: '和谐家园网格' });
    seed.user({ id: 'u_demo_admin_2', openid: 'demo-admin-2', name: '吴书记', phone: '13700000011', communityId: 'c_demo_2', roles: ['admin', 'resident'] });
    const otherHome = offset(DEMO_CENTER, 3000, 2600);
    seed.user({ id: 'u_demo_member_other', openid: 'demo-member-other', name: '郑红军', phone: '13900000099', communityId: 'c_demo_2', roles: ['member', 'resident'], gridId: 'g_demo_3', home: otherHome });
    seed.member({ userId: 'u_demo_member_other', communityId: 'c_demo_2', gridId: 'g_demo_3', skills: ['水电维修'], home: otherHome });
    seed.user({ id: 'u_demo_district', openid: 'demo-district', name: '街道工委 孙主任', phone: '13700000021', communityId: c, roles: ['district_viewer'] });

    // In the same transaction: a start that dies half-way leaves no community without its history behind.
    if (options.history ?? true) seedDemoHistory(db, now);
  });
  return true;
}
