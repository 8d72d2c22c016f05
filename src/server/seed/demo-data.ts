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

const RESIDENTS: { name: string; grid: 1 | 2; north: number; east: number; phone: string; address: string }[] = [
  { name: '张秀英', grid: 1, north: 150, east: 90, phone: '13800000001', address: '幸福里小区 3 栋 2 单元 401' },
  { name: '李建华', grid: 1, north: 500, east: 200, phone: '13800000002', address: '幸福里小区 8 栋 1 单元 202' },
  { name: '王桂兰', grid: 2, north: -420, east: 150, phone: '13800000003', address: '和平苑 5 栋 3 单元 601' },
  { name: '赵明', grid: 2, north: -800, east: -200, phone: '13800000004', address: '和平苑 12 栋 1 单元 101' },
];

/** One community with two grids, a dozen members spread over ~2 km, four residents, an admin and a grid worker. */
export function seedDemoData(db: Database.Database, now: number): boolean {
  const existing = db.prepare('SELECT COUNT(*) AS n FROM communities').get() as { n: number };
  if (existing.n > 0) return false;
  const seed = new SeedWriter(db, now);
  const c = DEMO_COMMUNITY_ID;
  seed.inTransaction(() => {
    seed.community({ id: c, name: '幸福里社区', center: DEMO_CENTER });
    seed.grid({ id: 'g_demo_1', communityId: c, name: '第一网格（幸福里小区）' });
    seed.grid({ id: 'g_demo_2', communityId: c, name: '第二网格（和平苑）' });

    RESIDENTS.forEach((resident, index) => {
      const householdId = `h_demo_${index + 1}`;
      const gridId = `g_demo_${resident.grid}`;
      seed.household({ id: householdId, communityId: c, gridId, address: resident.address });
      seed.user({
        id: `u_demo_resident_${index + 1}`,
        openid: `demo-resident-${index + 1}`,
        name: resident.name,
        phone: resident.phone,
        communityId: c,
        roles: ['resident'],
        gridId,
        householdId,
        address: resident.address,
        home: offset(DEMO_CENTER, resident.north, resident.east),
      });
    });

    MEMBERS.forEach((member, index) => {
      const userId = `u_demo_member_${index + 1}`;
      const gridId = `g_demo_${member.grid}`;
      const home = offset(DEMO_CENTER, member.north, member.east);
      seed.user({ id: userId, openid: `demo-member-${index + 1}`, name: member.name, phone: member.phone, communityId: c, roles: ['member', 'resident'], gridId, home });
      // 王建国 is the central-household member linked to 张秀英's home; 赵卫东 to 王桂兰's.
      const linkedHouseholds = index === 0 ? ['h_demo_1'] : index === 6 ? ['h_demo_3'] : [];
      seed.member({ userId, communityId: c, gridId, skills: member.skills, home, linkedHouseholds });
    });

    seed.user({ id: 'u_demo_admin', openid: 'demo-admin', name: '陈书记', phone: '13700000001', communityId: c, roles: ['admin', 'resident'] });
    seed.user({ id: 'u_demo_grid_1', openid: 'demo-gridworker-1', name: '刘网格员', phone: '13700000002', communityId: c, roles: ['grid_worker', 'resident'], gridId: 'g_demo_1' });
  });
  return true;
}
