import type Database from 'better-sqlite3';
import type { LatLng } from '../../shared/domain/geo';
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
 * One community with two grids, four buildings, a dozen members spread over ~2 km, four residents, an admin,
 * a grid worker, a points supermarket with its clerk, a service point and a pending application; plus a
 * second community of the same district and a district-level viewer.
 */
export function seedDemoData(db: Database.Database, now: number): boolean {
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
  });
  return true;
}
